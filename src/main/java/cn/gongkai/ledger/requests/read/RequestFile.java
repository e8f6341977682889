package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.events.NoticeDelivered;
import cn.gongkai.ledger.requests.events.NoticeIssued;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the register knows of one application, folded from its events: status, dates and the facts
 * its statutory clock depends on. No personal data: this state is stored in the list read model.
 *
 * <p>The one fold of the read side: the list projection stores it, the single view recomputes it
 * from the event store; both therefore agree by construction.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class RequestFile {

    /** Why the clock is stopped during a pause. */
    public enum PauseKind { CONSULTATION, FEE }

    /** The clock stops for working days after {@code from} up to and including {@code to} (null: still stopped). */
    public record Pause(PauseKind kind, LocalDate from, LocalDate to) {
    }

    private UUID requestId;
    private String agencyId;
    private String registrationNumber;
    private Channel channel;
    private LocalDate receivedOn;
    private LocalDate registeredOn;
    private ApplicantCategory applicantCategory;
    private RequestStatus status;
    private LocalDate clockStartsAfter;
    private LocalDate correctionRequestedOn;
    private LocalDate correctionDueOn;
    private int extensionWorkingDays;
    private List<Pause> pauses = new ArrayList<>();
    private Long feeAmountFen;
    private LocalDate feePayableBy;
    private long feePaidFen;
    private int draftNumber;
    private String drafter;
    private Outcome draftOutcome;
    private Outcome outcome;
    private LocalDate concludedOn;
    private LocalDate archivedOn;
    private LocalDate personalDataErasedOn;
    private SortedSet<Integer> carriedForwardFrom = new TreeSet<>();
    private long version = -1;

    /** Applies the next event of this application; {@code sequenceNumber} is its place in the stream. */
    public RequestFile apply(RequestEvent event, long sequenceNumber) {
        switch (event) {
            case RequestReceived e -> {
                requestId = e.requestId();
                agencyId = e.agencyId();
                registrationNumber = e.registrationNumber();
                channel = e.channel();
                receivedOn = e.receivedOn();
                registeredOn = e.registeredOn();
                applicantCategory = e.applicantCategory();
                clockStartsAfter = e.receivedOn();
                status = RequestStatus.IN_PROGRESS;
            }
            case CorrectionRequested e -> {
                correctionRequestedOn = e.requestedOn();
                correctionDueOn = e.correctionDueOn();
                status = RequestStatus.AWAITING_CORRECTION;
            }
            case CorrectionReceived e -> {
                // 条例 第三十条: the period runs anew from the corrected application's receipt
                clockStartsAfter = e.receivedOn();
                pauses.clear();
                status = RequestStatus.IN_PROGRESS;
            }
            case ConsultationStarted e -> {
                pauses.add(new Pause(PauseKind.CONSULTATION, e.startedOn(), null));
                status = RequestStatus.IN_CONSULTATION;
            }
            case ConsultationAnswered e -> {
                endPause(PauseKind.CONSULTATION, e.answeredOn());
                status = RequestStatus.IN_PROGRESS;
            }
            case DeadlineExtended e -> extensionWorkingDays = e.workingDays();
            case FeeNoticeIssued e -> {
                feeAmountFen = e.amountFen();
                feePayableBy = e.payableBy();
                pauses.add(new Pause(PauseKind.FEE, e.issuedOn(), null));
                status = RequestStatus.AWAITING_FEE;
            }
            case FeePaid e -> {
                feePaidFen += e.amountFen();
                endPause(PauseKind.FEE, e.paidOn());
                status = RequestStatus.IN_PROGRESS;
            }
            case FeeWaived e -> {
                endPause(PauseKind.FEE, e.waivedOn());
                status = RequestStatus.IN_PROGRESS;
            }
            case AnswerDrafted e -> {
                draftNumber = e.draftNumber();
                drafter = e.draftedBy();
                draftOutcome = e.outcome();
                status = RequestStatus.ANSWER_DRAFTED;
            }
            case AnswerReturned e -> status = RequestStatus.IN_PROGRESS;
            case AnswerApproved e -> status = RequestStatus.ANSWER_APPROVED;
            case RequestConcluded e -> {
                outcome = e.outcome();
                concludedOn = e.concludedOn();
                status = RequestStatus.CONCLUDED;
                // a back-dated registration into a closed year is carried forward the moment it is
                // registered; concluded within that year after all, it was never open at the year's end
                carriedForwardFrom.removeIf(year -> year >= e.concludedOn().getYear());
            }
            case RequestCarriedForward e -> carriedForwardFrom.add(e.fromYear());
            case OutcomeCorrected e -> outcome = e.correctedOutcome();
            case ApplicantCategoryCorrected e -> applicantCategory = e.correctedCategory();
            case RequestArchived e -> {
                archivedOn = e.archivedOn();
                status = RequestStatus.ARCHIVED;
            }
            case ApplicantDataErased e -> personalDataErasedOn = e.erasedOn();
            case NoticeIssued e -> {
                // letters change nothing the register counts; they are listed from the events
            }
            case NoticeDelivered e -> {
                // the delivery starts the applicant's periods, not the office's (see the notices slice)
            }
        }
        version = sequenceNumber;
        return this;
    }

    private void endPause(PauseKind kind, LocalDate on) {
        for (int i = pauses.size() - 1; i >= 0; i--) {
            Pause pause = pauses.get(i);
            if (pause.kind() == kind && pause.to() == null) {
                pauses.set(i, new Pause(kind, pause.from(), on));
                return;
            }
        }
    }

    /** Whether the statutory clock is running: open, not awaiting a correction. */
    public boolean clockRuns() {
        return status.isOpen() && status != RequestStatus.AWAITING_CORRECTION;
    }

    public UUID requestId() {
        return requestId;
    }

    public String agencyId() {
        return agencyId;
    }

    public String registrationNumber() {
        return registrationNumber;
    }

    public Channel channel() {
        return channel;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public ApplicantCategory applicantCategory() {
        return applicantCategory;
    }

    public RequestStatus status() {
        return status;
    }

    public LocalDate clockStartsAfter() {
        return clockStartsAfter;
    }

    public LocalDate correctionRequestedOn() {
        return correctionRequestedOn;
    }

    public LocalDate correctionDueOn() {
        return correctionDueOn;
    }

    public int extensionWorkingDays() {
        return extensionWorkingDays;
    }

    public List<Pause> pauses() {
        return List.copyOf(pauses);
    }

    public Long feeAmountFen() {
        return feeAmountFen;
    }

    public LocalDate feePayableBy() {
        return feePayableBy;
    }

    public long feePaidFen() {
        return feePaidFen;
    }

    public int draftNumber() {
        return draftNumber;
    }

    public String drafter() {
        return drafter;
    }

    public Outcome draftOutcome() {
        return draftOutcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    public LocalDate concludedOn() {
        return concludedOn;
    }

    public LocalDate archivedOn() {
        return archivedOn;
    }

    /** The day the applicant's personal data was erased, or null. */
    public LocalDate personalDataErasedOn() {
        return personalDataErasedOn;
    }

    public SortedSet<Integer> carriedForwardFrom() {
        return new TreeSet<>(carriedForwardFrom);
    }

    public long version() {
        return version;
    }
}
