package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.PersonalData;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.HistoryLabels;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application as it stands, with its due date and its full history, read straight from the event
 * store, so that it is current the moment a command returns. The history is the audit trail: each step
 * with its business date, the time it was recorded, and who acted. {@code GET /api/requests/{id}} and the
 * application's page both read it here.
 */
@Component
public class RequestViews {

    private final EventStore eventStore;
    private final CurrentActor currentActor;
    private final StatutoryDeadlines deadlines;
    private final JsonMapper json;
    private final java.time.Clock clock;

    RequestViews(EventStore eventStore, CurrentActor currentActor, StatutoryDeadlines deadlines,
                 JsonMapper json, java.time.Clock clock) {
        this.eventStore = eventStore;
        this.currentActor = currentActor;
        this.deadlines = deadlines;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The acting user's agency's application.
     *
     * @throws NotFound if there is none by this id in the agency (another agency's is not found either)
     */
    public RequestView view(UUID requestId) {
        DomainEventStream stream = eventStore.readEvents(requestId.toString());
        RequestFile file = new RequestFile();
        RequestReceived received = null;
        Erasure erasure = null;
        List<Step> history = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof RequestEvent event)) {
                continue;
            }
            if (event instanceof RequestReceived r) {
                received = r;
            }
            if (event instanceof ApplicantDataErased e) {
                erasure = new Erasure(e.erasedOn(),
                        OffsetDateTime.ofInstant(message.getTimestamp(), BusinessClock.ZONE),
                        (String) message.getMetaData().get(ActorMetaData.USERNAME), e.reason());
            }
            file.apply(event, message.getSequenceNumber());
            history.add(step(message, event));
        }
        if (received == null || !received.agencyId().equals(currentActor.current().agencyId())) {
            throw new NotFound("application " + requestId);
        }
        // a carry-forward out of a year the application was concluded in after all (a back-dated
        // registration into a closed year, concluded right after) never happened for the reader
        history.removeIf(step -> step.type().equals(RequestCarriedForward.class.getSimpleName())
                && step.details().get("fromYear") instanceof Number fromYear
                && !file.carriedForwardFrom().contains(fromYear.intValue()));
        Deadline deadline = deadlines.of(file).orElse(null);
        LocalDate today = BusinessClock.today(clock);
        RequestView view = new RequestView(
                file.requestId(), file.registrationNumber(), file.agencyId(), file.channel(), file.receivedOn(),
                file.registeredOn(), file.applicantCategory(), received.applicant(), erasure,
                received.informationRequested(),
                received.deliveryForm(), file.status(), file.status().label(),
                DueDate.of(deadline, file, today), file.extensionWorkingDays(), file.correctionDueOn(),
                file.draftNumber() == 0 ? null : new Draft(file.draftNumber(), file.draftOutcome(), file.drafter()),
                file.feeAmountFen(), file.feePayableBy(), file.feePaidFen(),
                file.outcome(), file.outcome() == null ? null : file.outcome().label(), file.concludedOn(),
                file.archivedOn(), file.carriedForwardFrom(), file.version(), history);
        return view;
    }

    private Step step(DomainEventMessage<?> message, RequestEvent event) {
        Map<String, Object> details = json.convertValue(event, new TypeReference<Map<String, Object>>() { });
        details.remove("requestId");
        // personal data (the applicant, what was asked for) is shown once, in the application itself
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(PersonalData.class)) {
                details.remove(component.getName());
            }
        }
        String type = event.getClass().getSimpleName();
        return new Step(
                message.getSequenceNumber(),
                type,
                HistoryLabels.of(event),
                event.businessDate(),
                OffsetDateTime.ofInstant(message.getTimestamp(), BusinessClock.ZONE),
                (String) message.getMetaData().get(ActorMetaData.USERNAME),
                (String) message.getMetaData().get(ActorMetaData.ROLES),
                details);
    }

    /**
     * The application, its deadline and its history. Personal data of the applicant is in
     * {@code applicant}: every field reads 已删除 once it was erased, and {@code personalDataErasure}
     * then says when, by whom and why (null until then).
     */
    public record RequestView(UUID requestId, String registrationNumber, String agencyId, Channel channel,
                       LocalDate receivedOn, LocalDate registeredOn, ApplicantCategory applicantCategory,
                       ApplicantDetails applicant, Erasure personalDataErasure, String informationRequested,
                       DeliveryForm deliveryForm,
                       RequestStatus status, String statusLabel, DueDate deadline, int extensionWorkingDays,
                       LocalDate correctionDueOn, Draft draft, Long feeAmountFen, LocalDate feePayableBy,
                       long feePaidFen, Outcome outcome, String outcomeLabel, LocalDate concludedOn,
                       LocalDate archivedOn, SortedSet<Integer> carriedForwardFrom, long version,
                       List<Step> history) {
    }

    /**
     * The answer deadline. {@code dueOn} is null when no clock runs (concluded, awaiting a
     * correction) or while it is paused; {@code provisional} with {@code note} when the period runs
     * into a year whose official calendar is not loaded yet.
     */
    public record DueDate(LocalDate dueOn, boolean paused, boolean overdue, boolean provisional, String note) {

        static DueDate of(Deadline deadline, RequestFile file, LocalDate today) {
            if (deadline == null) {
                return null;
            }
            boolean overdue = file.status().isOpen() && deadline.dueOn() != null && deadline.dueOn().isBefore(today);
            return new DueDate(deadline.dueOn(), deadline.paused(), overdue, deadline.provisional(),
                    deadline.provisional() ? deadline.message() : null);
        }
    }

    /** 个人信息已删除: the business date, when it was recorded, who erased it and why. */
    public record Erasure(LocalDate erasedOn, OffsetDateTime recordedAt, String erasedBy, String reason) {
    }

    public record Draft(int number, Outcome outcome, String draftedBy) {
    }

    /** One step of the history: what, on which business date, recorded when, by whom. */
    public record Step(long sequenceNumber, String type, String label, LocalDate businessDate, OffsetDateTime recordedAt,
                String actor, String actorRoles, Map<String, Object> details) {
    }
}
