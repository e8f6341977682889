package cn.gongkai.ledger.disputes.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeEvent;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.write.ApplicationLookup.ApplicationOnFile;
import cn.gongkai.ledger.disputes.write.decide.DecideDispute;
import cn.gongkai.ledger.disputes.write.file.FileDispute;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.DateRules;
import cn.gongkai.ledger.platform.NotFound;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One reconsideration or litigation case about one concluded application: filed, then decided once.
 *
 * <p>The acting user comes from the command's metadata; a user of another agency finds no such
 * case, and no such application to file one about. Business dates come from the command and are
 * checked against today on the injected {@link Clock}, in Beijing time.
 */
@Aggregate
public class Dispute {

    /** Whether the reconsideration body or court has decided. */
    private enum Status { FILED, DECIDED }

    @AggregateIdentifier
    private UUID disputeId;
    private UUID requestId;
    private String agencyId;
    private LocalDate filedOn;
    private Status status;
    private DisputeResult result;
    private LocalDate decidedOn;

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

    private void on(DisputeFiled event) {
        disputeId = event.disputeId();
        requestId = event.requestId();
        agencyId = event.agencyId();
        filedOn = event.filedOn();
        status = Status.FILED;
    }

    // ---- decided (审结) -------------------------------------------------------------------------------

    @CommandHandler
    void handle(DecideDispute command, MetaData metaData, Clock clock) {
        actingFor(metaData);
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

    private void on(DisputeDecided event) {
        result = event.result();
        decidedOn = event.decidedOn();
        status = Status.DECIDED;
    }

    @EventSourcingHandler
    void on(DisputeEvent event) {
        switch (event) {
            case DisputeFiled e -> on(e);
            case DisputeDecided e -> on(e);
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

    private static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw DateRules.dateInFuture(field, date, today);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
