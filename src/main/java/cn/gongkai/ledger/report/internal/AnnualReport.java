package cn.gongkai.ledger.report.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.report.events.AnnualReportEvent;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.report.events.GateWarningAcknowledged;
import cn.gongkai.ledger.report.events.Part2Entry;
import cn.gongkai.ledger.report.events.Part2FiguresCorrected;
import cn.gongkai.ledger.report.events.Part2FiguresEntered;
import cn.gongkai.ledger.report.events.ProseSaved;
import cn.gongkai.ledger.report.internal.ReportCommands.AcknowledgeWarning;
import cn.gongkai.ledger.report.internal.ReportCommands.EnterPart2Figures;
import cn.gongkai.ledger.report.internal.ReportCommands.PublishAnnualReport;
import cn.gongkai.ledger.report.internal.ReportCommands.SaveProse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One agency's annual report of one year ({@code report:agencyId:year}): the part 二 figures as entered and
 * corrected, the versions of each prose section, the acknowledged gate warnings and the published versions.
 * Nothing is ever edited: a correction, a new prose version and a corrected publication are new events.
 * The gate itself runs outside (it reads the tables); the aggregate only makes sure the head publishes
 * what the gate saw.
 */
@Aggregate
class AnnualReport {

    @AggregateIdentifier
    private String id;
    private final Map<String, Part2Entry> part2 = new HashMap<>();
    private final Map<String, Integer> proseVersions = new HashMap<>();
    private int published;
    private int events;

    protected AnnualReport() {
        // for Axon
    }

    static String id(String agencyId, int year) {
        return "report:" + agencyId + ":" + year;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnterPart2Figures command, MetaData metaData) {
        ownAgency(metaData, command.agencyId());
        List<Part2Entry> entered = new ArrayList<>();
        List<Part2Entry> corrected = new ArrayList<>();
        List<Part2Entry> previous = new ArrayList<>();
        for (Part2Entry entry : command.entries()) {
            Part2Entry before = part2.get(entry.figure());
            if (before == null) {
                entered.add(entry);
            } else if (!before.value().equals(entry.value()) || !Objects.equals(before.source(), entry.source())) {
                corrected.add(entry);
                previous.add(before);
            }
        }
        if (!corrected.isEmpty() && (command.reason() == null || command.reason().isBlank())) {
            throw new RuleViolation("CorrectionNeedsReason", "reason",
                    "更正已录入的第二部分数据须说明理由（" + corrected.stream().map(Part2Entry::figure).toList() + "）",
                    "correcting figures of part 2 already entered needs a reason ("
                            + corrected.stream().map(Part2Entry::figure).toList() + ")");
        }
        if (!entered.isEmpty()) {
            apply(new Part2FiguresEntered(command.agencyId(), command.year(), entered));
        }
        if (!corrected.isEmpty()) {
            apply(new Part2FiguresCorrected(command.agencyId(), command.year(), corrected, previous,
                    command.reason().strip()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SaveProse command, MetaData metaData) {
        ownAgency(metaData, command.agencyId());
        int current = proseVersions.getOrDefault(command.section(), 0);
        if (command.expectedVersion() != null && command.expectedVersion() != current) {
            throw new ConflictingModificationException("section " + command.section() + " of report " + id
                    + " is at version " + current + ", the change was based on version " + command.expectedVersion());
        }
        apply(new ProseSaved(command.agencyId(), command.year(), command.section(), current + 1, command.text(),
                command.generated(), command.note() == null || command.note().isBlank() ? null : command.note().strip()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AcknowledgeWarning command, MetaData metaData) {
        ownAgency(metaData, command.agencyId());
        apply(new GateWarningAcknowledged(command.agencyId(), command.year(), command.rule(), command.findingKey(),
                command.finding(), command.explanation().strip()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishAnnualReport command, MetaData metaData, Clock clock) {
        Actor actor = ownAgency(metaData, command.agencyId());
        if (command.basedOnEvents() != events) {
            throw new ConflictingModificationException("report " + id + " changed after the gate was run ("
                    + events + " events, the gate saw " + command.basedOnEvents() + ")");
        }
        if (published > 0 && (command.changeNote() == null || command.changeNote().isBlank())) {
            throw new RuleViolation("CorrectionNeedsChangeNote", "changeNote",
                    "更正版须说明与第" + published + "版相比改了什么",
                    "a corrected version needs a note of what changed since version " + published);
        }
        apply(new AnnualReportPublished(command.agencyId(), command.year(), published + 1,
                BusinessClock.today(clock), actor.username(), command.template(),
                command.changeNote() == null || command.changeNote().isBlank() ? null : command.changeNote().strip(),
                command.document(), command.findings(), command.acknowledgements()));
    }

    private static Actor ownAgency(MetaData metaData, String agencyId) {
        Actor actor = Actor.from(metaData);
        if (!actor.agencyId().equals(agencyId)) {
            throw new RuleViolation("OwnAgencyOnly", "只能编写本机关的年度报告", "only the own agency's report");
        }
        return actor;
    }

    @EventSourcingHandler
    void on(AnnualReportEvent event) {
        id = id(event.agencyId(), event.year());
        events++;
        switch (event) {
            case Part2FiguresEntered e -> e.entries().forEach(entry -> part2.put(entry.figure(), entry));
            case Part2FiguresCorrected e -> e.entries().forEach(entry -> part2.put(entry.figure(), entry));
            case ProseSaved e -> proseVersions.put(e.section(), e.version());
            case AnnualReportPublished e -> published = e.version();
            case GateWarningAcknowledged e -> { }
        }
    }
}
