package cn.gongkai.ledger.statistics.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.statistics.events.ReportPublished;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One agency's reporting year ({@code agency:year}): closed once, idempotently. */
@Aggregate
class ReportingYear {

    @AggregateIdentifier
    private String id;
    private boolean closed;
    private int publishedVersions;

    protected ReportingYear() {
        // for Axon
    }

    static String id(String agencyId, int year) {
        return agencyId + ":" + year;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CloseYear command, MetaData metaData, Clock clock) {
        Actor actor = Actor.from(metaData);
        if (!actor.agencyId().equals(command.agencyId())) {
            throw new RuleViolation("OwnAgencyOnly", "只能结转本机关的年度", "only the own agency's year can be closed");
        }
        LocalDate today = BusinessClock.today(clock);
        if (!today.isAfter(LocalDate.of(command.year(), 12, 31))) {
            throw new RuleViolation("CloseAfterYearEnd", "year",
                    command.year() + "年尚未结束，不能结转", "year " + command.year() + " has not ended yet");
        }
        if (!closed) {
            apply(new YearClosed(command.agencyId(), command.year(), today));
        }
    }

    @EventSourcingHandler
    void on(YearClosed event) {
        id = id(event.agencyId(), event.year());
        closed = true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishReport command, MetaData metaData, Clock clock) {
        Actor actor = Actor.from(metaData);
        if (!actor.agencyId().equals(command.agencyId())) {
            throw new RuleViolation("OwnAgencyOnly", "只能发布本机关的年度报告", "only the own agency's report can be published");
        }
        if (!closed) {
            throw new RuleViolation("PublishAfterClose", "year",
                    command.year() + "年尚未结转，不能发布年度报告", "close year " + command.year() + " before publishing");
        }
        apply(new ReportPublished(command.agencyId(), command.year(), publishedVersions + 1,
                BusinessClock.today(clock), actor.username(), command.part3(), command.part4()));
    }

    @EventSourcingHandler
    void on(ReportPublished event) {
        publishedVersions = event.version();
    }
}
