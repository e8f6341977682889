package cn.gongkai.ledger.disputes.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeEvent;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.disputes.write.ApplicationLookup.ApplicationOnFile;
import cn.gongkai.ledger.disputes.write.correct.CorrectDispute;
import cn.gongkai.ledger.disputes.write.decide.DecideDispute;
import cn.gongkai.ledger.disputes.write.file.FileDispute;
import cn.gongkai.ledger.disputes.write.withdraw.WithdrawDispute;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.DateRules;
import cn.gongkai.ledger.platform.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reconsideration or litigation case about one concluded application: filed, then decided once;
 * what was recorded wrong is set right by a correction, and a case recorded in error is withdrawn,
 * both compensating events with a reason, never edits.
 *
 * <p>The acting user comes from the command's metadata; a user of another agency finds no such
 * case, and no such application to file one about. Business dates come from the command and are
 * checked against today on the injected {@link Clock}, in Beijing time.
 */
@Aggregate
public class Dispute {

    /** Whether the reconsideration body or court has decided. */
    private enum Status { FILED, DECIDED, WITHDRAWN }

    @AggregateIdentifier
    private UUID disputeId;
    private UUID requestId;
    private String agencyId;
    private DisputeKind kind;
    private LocalDate filedOn;
    private String caseNumber;
    private String authority;
    private Status status;
    private DisputeResult result;
    private LocalDate decidedOn;
    private String summary;
    /** Who recorded the filing and who the decision: neither may correct or withdraw what they recorded. */
    private String filedBy;
    private String decidedBy;

    protected Dispute() {
        // for Axon: rebuilt from its events
    }

    // ---- filed (申请复议、提起诉讼) -----------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(FileDispute command, MetaData metaData, Clock clock, ApplicationLookup applications) {
        Actor actor = Actor.from(metaData);
        ApplicationOnFile application = applications.find(command.requestId())
                .filter(found -> found.agencyId().equals(actor.agencyId()))
                .orElseThrow(() -> new NotFound("application " + command.requestId()));
        LocalDate today = BusinessClock.today(clock);
        notInFuture("filedOn", command.filedOn(), today);
        if (!application.concluded()) {
            throw Rules.applicationNotConcluded();
        }
        if (command.filedOn().isBefore(application.concludedOn())) {
            throw DateRules.dateBefore("filedOn", command.filedOn(), "申请办结日期", "application's conclusion",
                    application.concludedOn());
        }
        apply(new DisputeFiled(command.disputeId(), application.requestId(), application.agencyId(),
                application.registrationNumber(), command.kind(), command.filedOn(), blankToNull(command.caseNumber()),
                blankToNull(command.authority())));
    }

    private void on(DisputeFiled event, String by) {
        disputeId = event.disputeId();
        requestId = event.requestId();
        agencyId = event.agencyId();
        kind = event.kind();
        filedOn = event.filedOn();
        caseNumber = event.caseNumber();
        authority = event.authority();
        status = Status.FILED;
        filedBy = by;
    }

    // ---- decided (审结) -------------------------------------------------------------------------------

    @CommandHandler
    void handle(DecideDispute command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        notWithdrawn();
        if (status == Status.DECIDED) {
            throw Rules.alreadyDecided(result, decidedOn);
        }
        notInFuture("decidedOn", command.decidedOn(), BusinessClock.today(clock));
        if (command.decidedOn().isBefore(filedOn)) {
            throw DateRules.dateBefore("decidedOn", command.decidedOn(), "申请复议或起诉日期", "filing date", filedOn);
        }
        apply(new DisputeDecided(disputeId, requestId, agencyId, command.result(), command.decidedOn(),
                blankToNull(command.summary())));
    }

    private void on(DisputeDecided event, String by) {
        result = event.result();
        decidedOn = event.decidedOn();
        summary = event.summary();
        status = Status.DECIDED;
        decidedBy = by;
    }

    // ---- corrected (更正) and withdrawn (撤销登记) -------------------------------------------------------

    /**
     * A change based on a stale view of the case is refused as a conflict (409) when the command
     * names the version it was based on ({@code If-Match}) and anything happened since.
     */
    @CommandHandlerInterceptor
    Object refuseChangesBasedOnAStaleVersion(InterceptorChain chain, ConflictResolver conflicts) throws Exception {
        conflicts.detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
        return chain.proceed();
    }

    @CommandHandler
    void handle(CorrectDispute command, MetaData metaData, Clock clock, ApplicationLookup applications) {
        Actor actor = correctorFor(metaData, "更正", "correct");
        notWithdrawn();
        requireReason(command.reason(), "更正复议诉讼案件", "a correction of a case");
        LocalDate today = BusinessClock.today(clock);
        notInFuture("correctedOn", command.correctedOn(), today);
        ApplicationOnFile application = applications.find(command.requestId())
                .filter(found -> found.agencyId().equals(actor.agencyId()))
                .orElseThrow(() -> new NotFound("application " + command.requestId()));
        if (!application.concluded()) {
            throw Rules.applicationNotConcluded();
        }
        notInFuture("filedOn", command.filedOn(), today);
        if (command.filedOn().isBefore(application.concludedOn())) {
            throw DateRules.dateBefore("filedOn", command.filedOn(), "申请办结日期", "application's conclusion",
                    application.concludedOn());
        }
        if ((command.result() == null) != (command.decidedOn() == null)) {
            throw Rules.resultAndDateTogether(command.result() == null ? "result" : "decidedOn");
        }
        if (command.decidedOn() != null) {
            notInFuture("decidedOn", command.decidedOn(), today);
            if (command.decidedOn().isBefore(command.filedOn())) {
                throw DateRules.dateBefore("decidedOn", command.decidedOn(), "申请复议或起诉日期", "filing date",
                        command.filedOn());
            }
        }
        String correctedSummary = command.result() == null ? null : blankToNull(command.summary());
        DisputeCorrected corrected = new DisputeCorrected(disputeId, application.requestId(), agencyId,
                application.registrationNumber(), command.kind(), command.filedOn(), blankToNull(command.caseNumber()),
                blankToNull(command.authority()), command.result(), command.decidedOn(), correctedSummary, filedOn,
                command.reason().strip(), command.correctedOn());
        if (application.requestId().equals(requestId) && command.kind() == kind && command.filedOn().equals(filedOn)
                && Objects.equals(corrected.caseNumber(), caseNumber) && Objects.equals(corrected.authority(), authority)
                && command.result() == result && Objects.equals(command.decidedOn(), decidedOn)
                && Objects.equals(correctedSummary, summary)) {
            throw Rules.correctionChangesNothing();
        }
        apply(corrected);
    }

    private void on(DisputeCorrected event, String by) {
        requestId = event.requestId();
        kind = event.kind();
        filedOn = event.filedOn();
        caseNumber = event.caseNumber();
        authority = event.authority();
        if (event.decided() && (event.result() != result || !event.decidedOn().equals(decidedOn))) {
            // a decision set by a correction is the corrector's: they may not correct it again
            decidedBy = by;
        }
        result = event.result();
        decidedOn = event.decidedOn();
        summary = event.summary();
        status = event.decided() ? Status.DECIDED : Status.FILED;
    }

    @CommandHandler
    void handle(WithdrawDispute command, MetaData metaData, Clock clock) {
        correctorFor(metaData, "撤销", "withdraw");
        notWithdrawn();
        requireReason(command.reason(), "撤销复议诉讼案件", "withdrawing a case");
        notInFuture("withdrawnOn", command.withdrawnOn(), BusinessClock.today(clock));
        apply(new DisputeWithdrawn(disputeId, requestId, agencyId, filedOn, command.reason().strip(),
                command.withdrawnOn()));
    }

    private void on(DisputeWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DisputeEvent event, MetaData metaData) {
        Object by = metaData.get(ActorMetaData.USERNAME);
        String username = by == null ? null : by.toString();
        switch (event) {
            case DisputeFiled e -> on(e, username);
            case DisputeDecided e -> on(e, username);
            case DisputeCorrected e -> on(e, username);
            case DisputeWithdrawn e -> on(e);
        }
    }

    // ---- shared checks ------------------------------------------------------------------------------

    /**
     * The acting user; one of another agency is told there is no such case. So is anyone who names
     * a stream that is not a dispute (an application's id, say): it rebuilds to nothing here.
     */
    private Actor actingFor(MetaData metaData) {
        Actor actor = Actor.from(metaData);
        if (status == null || !agencyId.equals(actor.agencyId())) {
            throw new NotFound("dispute " + disputeId);
        }
        return actor;
    }

    /**
     * The acting reviewer or office head, who is neither the one who recorded the filing nor the one
     * who recorded the decision (four eyes, as for an application's answer).
     */
    private Actor correctorFor(MetaData metaData, String actionZh, String actionEn) {
        Actor actor = actingFor(metaData);
        if (!actor.has(Role.REVIEWER) && !actor.has(Role.HEAD)) {
            throw Rules.correctionNeedsReviewer(actionZh, actionEn);
        }
        if (actor.username().equals(filedBy) || actor.username().equals(decidedBy)) {
            throw Rules.correctorIsNotTheRecorder(actionZh, actionEn);
        }
        return actor;
    }

    private void notWithdrawn() {
        if (status == Status.WITHDRAWN) {
            throw Rules.withdrawn();
        }
    }

    private static void requireReason(String reason, String actionZh, String actionEn) {
        if (reason == null || reason.isBlank()) {
            throw Rules.reasonRequired(actionZh, actionEn);
        }
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw DateRules.dateInFuture(field, date, today);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
