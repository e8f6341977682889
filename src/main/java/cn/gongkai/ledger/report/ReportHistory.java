package cn.gongkai.ledger.report;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.report.events.GateWarningAcknowledged;
import cn.gongkai.ledger.report.events.Part2Entry;
import cn.gongkai.ledger.report.events.Part2FiguresCorrected;
import cn.gongkai.ledger.report.events.Part2FiguresEntered;
import cn.gongkai.ledger.report.events.ProseSaved;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads one report's events from the event store (ADR 0003: a single thing is read from its events), so
 * that what staff just saved is what they read back, without waiting for a projection.
 */
@Component
class ReportHistory {

    private final EventStore eventStore;

    ReportHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The aggregate identifier of a report: {@code report:agencyId:year} (the reporting year of statistics is {@code agencyId:year}). */
    static String id(String agencyId, int year) {
        return "report:" + agencyId + ":" + year;
    }

    ReportRecord read(String agencyId, int year) {
        Map<Part2Figure, ReportRecord.Figure> part2 = new EnumMap<>(Part2Figure.class);
        List<ReportRecord.Part2Change> part2History = new ArrayList<>();
        Map<ProseSection, List<ReportRecord.ProseVersion>> prose = new EnumMap<>(ProseSection.class);
        Map<String, GateFinding.Acknowledgement> acknowledgements = new HashMap<>();
        List<ReportRecord.PublishedVersion> publications = new ArrayList<>();
        int events = 0;
        DomainEventStream stream = eventStore.readEvents(id(agencyId, year));
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events++;
            String by = String.valueOf(message.getMetaData().getOrDefault(ActorMetaData.USERNAME, "?"));
            Instant at = message.getTimestamp();
            switch (message.getPayload()) {
                case Part2FiguresEntered e -> e.entries().forEach(entry ->
                        figure(part2, part2History, entry, null, by, at, null));
                case Part2FiguresCorrected e -> {
                    for (int i = 0; i < e.entries().size(); i++) {
                        figure(part2, part2History, e.entries().get(i), e.previous().get(i), by, at, e.reason());
                    }
                }
                case ProseSaved e -> {
                    ProseSection section = ProseSection.valueOf(e.section());
                    List<ReportRecord.ProseVersion> versions = prose.computeIfAbsent(section, s -> new ArrayList<>());
                    String before = versions.isEmpty() ? "" : versions.getLast().text();
                    versions.add(new ReportRecord.ProseVersion(section, e.version(), e.text(), e.generated(), by, at,
                            e.note(), difference(before, e.text()), difference(e.text(), before)));
                }
                case GateWarningAcknowledged e -> acknowledgements.put(e.findingKey(),
                        new GateFinding.Acknowledgement(by, at, e.explanation()));
                case AnnualReportPublished e -> publications.add(new ReportRecord.PublishedVersion(e, at));
                default -> { }
            }
        }
        return new ReportRecord(agencyId, year, events, part2, part2History, prose, acknowledgements, publications);
    }

    private static void figure(Map<Part2Figure, ReportRecord.Figure> part2, List<ReportRecord.Part2Change> history,
                               Part2Entry entry, Part2Entry previous, String by, Instant at, String reason) {
        Part2Figure figure = Part2Figure.valueOf(entry.figure());
        part2.put(figure, new ReportRecord.Figure(Part2Values.parse(figure, entry.value()), entry.source(), by, at));
        history.add(new ReportRecord.Part2Change(figure, previous == null ? null : previous.value(), entry.value(),
                entry.source(), by, at, reason));
    }

    /** The sentences of {@code a} that are not in {@code b}: what a new version removed or added. */
    static List<String> difference(String a, String b) {
        Set<String> other = new LinkedHashSet<>(sentences(b));
        List<String> only = new ArrayList<>();
        for (String sentence : sentences(a)) {
            if (!other.contains(sentence)) {
                only.add(sentence);
            }
        }
        return only;
    }

    private static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[。；;！!？?\\n])"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

}
