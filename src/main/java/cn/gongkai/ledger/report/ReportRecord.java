package cn.gongkai.ledger.report;

import cn.gongkai.ledger.report.events.AnnualReportPublished;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What staff recorded for one agency's report of one year, as read from its events: the part 二 figures
 * with their history, every version of every prose section, the acknowledged warnings and the published
 * versions. {@code events} is the number of events read: a publication is based on it.
 */
public record ReportRecord(String agencyId, int year, int events, Map<Part2Figure, Figure> part2,
                           List<Part2Change> part2History, Map<ProseSection, List<ProseVersion>> prose,
                           Map<String, GateFinding.Acknowledgement> acknowledgements,
                           List<PublishedVersion> publications) {

    public ReportRecord {
        part2 = part2.isEmpty() ? Map.of() : new EnumMap<>(part2);
        part2History = List.copyOf(part2History);
        prose = prose.isEmpty() ? Map.of() : new EnumMap<>(prose);
        acknowledgements = Map.copyOf(acknowledgements);
        publications = List.copyOf(publications);
    }

    /** A figure of part 二 as it stands: value (scale 4 for 万元), source, who entered it last and when. */
    public record Figure(BigDecimal value, String source, String enteredBy, Instant enteredAt) {
    }

    /** One entry or correction of a figure: from what to what, by whom, when, why. */
    public record Part2Change(Part2Figure figure, String from, String to, String source, String by, Instant at,
                              String reason) {
    }

    /**
     * One saved version of a prose section: the text as stored (bound figures as placeholders), who saved it,
     * when, the writer's note, and what changed from the version before (removed and added sentences).
     */
    public record ProseVersion(ProseSection section, int version, String text, boolean generated, String savedBy,
                               Instant savedAt, String note, List<String> removed, List<String> added) {
    }

    /** A published version, its frozen event and when it was recorded. */
    public record PublishedVersion(AnnualReportPublished event, Instant recordedAt) {
    }

    public Optional<ProseVersion> latest(ProseSection section) {
        List<ProseVersion> versions = prose.getOrDefault(section, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    public int proseVersion(ProseSection section) {
        return latest(section).map(ProseVersion::version).orElse(0);
    }

    public Map<Part2Figure, BigDecimal> part2Values() {
        Map<Part2Figure, BigDecimal> values = new EnumMap<>(Part2Figure.class);
        part2.forEach((figure, value) -> values.put(figure, value.value()));
        return values;
    }
}
