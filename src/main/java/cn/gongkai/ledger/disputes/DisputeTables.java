package cn.gongkai.ledger.disputes;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Change;
import cn.gongkai.ledger.statistics.Part4Source;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.ReconciliationFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Part 四 of the annual report (政府信息公开行政复议、行政诉讼情况), counted from the case table that
 * the {@code dispute-tables} processor keeps; it trails the event store by the time the processor
 * takes to catch up.
 *
 * <p>For year Y: a case decided in Y counts in its result's column; a case filed on or before
 * 31 December Y and not decided by then counts in {@code PENDING}; {@code TOTAL} is the sum of
 * those four. A case filed in Y−1 and decided in Y therefore counts as pending in Y−1 and in its
 * result in Y. Each table is one aggregate query over the agency's cases (index on agency and
 * filing date), whatever the number of applications.
 *
 * <p>It is the annual tables' {@link Part4Source}.
 */
@Service
public class DisputeTables implements Part4Source {

    /** Decided within the year. */
    private static final String DECIDED_IN_YEAR = "decided_on between :start and :end";
    /** Filed by the year's end and not decided by then. */
    private static final String PENDING_AT_YEAR_END = "filed_on <= :end and (decided_on is null or decided_on > :end)";

    private final JdbcClient jdbc;

    public DisputeTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Part 四 of one agency for one year. */
    public Part4Table part4(String agencyId, int year) {
        return count(agencyId, List.of(agencyId), year, null);
    }

    /**
     * Part 四 summed over several agencies (a roll-up); each case counts once even if its agency is
     * named twice. The table's {@code agencyId} is the sorted ids joined by commas; a caller that
     * knows the roll-up's root may re-label it ({@code new Part4Table(root, year, table.cells())}).
     */
    @Override
    public Part4Table part4(Collection<String> agencyIds, int year) {
        TreeSet<String> agencies = new TreeSet<>(agencyIds);
        return count(String.join(",", agencies), agencies, year, null);
    }

    /**
     * Part 四 as it stood at {@code at}: each case as it was recorded by then. Only filings recorded
     * by then count, a decision only if it was recorded by then (before, the case was still pending),
     * a correction or a withdrawal only from the instant it was recorded.
     */
    @Override
    public Part4Table part4AsOf(Collection<String> agencyIds, int year, Instant at) {
        TreeSet<String> agencies = new TreeSet<>(agencyIds);
        return count(String.join(",", agencies), agencies, year, at);
    }

    /**
     * The cases that count in one cell, ordered by filing date and registration number: the
     * provenance of the number. {@code TOTAL} lists the cases of the other four columns.
     */
    public List<DisputeCase> cases(String agencyId, int year, DisputeGroup group, DisputeColumn column) {
        String counted = switch (column) {
            case UPHELD, CORRECTED, OTHER -> "result = :result and " + DECIDED_IN_YEAR;
            case PENDING -> PENDING_AT_YEAR_END;
            case TOTAL -> "(" + DECIDED_IN_YEAR + " or (" + PENDING_AT_YEAR_END + "))";
        };
        var query = jdbc.sql("""
                        select dispute_id, request_id, registration_number, kind, filed_on, result, decided_on
                        from dispute_case
                        where agency_id = :agency and kind = :kind and filed_on <= :end and %s
                        order by filed_on, registration_number, dispute_id""".formatted(counted))
                .param("agency", agencyId)
                .param("kind", DisputeKind.of(group).name())
                .param("start", LocalDate.of(year, 1, 1))
                .param("end", LocalDate.of(year, 12, 31));
        if (column != DisputeColumn.PENDING && column != DisputeColumn.TOTAL) {
            query = query.param("result", column.name());
        }
        return query.query((rs, row) -> {
                    String result = rs.getString("result");
                    return new DisputeCase(
                            rs.getObject("dispute_id", UUID.class),
                            rs.getObject("request_id", UUID.class),
                            rs.getString("registration_number"),
                            DisputeKind.valueOf(rs.getString("kind")),
                            rs.getObject("filed_on", LocalDate.class),
                            result == null ? null : DisputeResult.valueOf(result),
                            rs.getObject("decided_on", LocalDate.class));
                })
                .list();
    }

    /**
     * Every move of a case into or out of a cell of the year by an event recorded after {@code since}:
     * each such state of a case against the state before it. A case moving from PENDING to CORRECTED
     * is −1 in PENDING and +1 in CORRECTED (TOTAL unchanged); a withdrawn or newly filed case is −1
     * or +1 in its column and in TOTAL; a case whose kind is corrected moves between groups.
     */
    @Override
    public List<Part4Change> changesSince(String agencyId, int year, Instant since) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        List<Part4Change> changes = new ArrayList<>();
        jdbc.sql("""
                        select * from (
                            select dispute_id, version, registration_number, kind, filed_on, result, decided_on,
                                   withdrawn, recorded_from, event_type, recorded_by,
                                   lag(version) over w as previous_version, lag(kind) over w as previous_kind,
                                   lag(filed_on) over w as previous_filed_on, lag(result) over w as previous_result,
                                   lag(decided_on) over w as previous_decided_on,
                                   lag(withdrawn) over w as previous_withdrawn
                            from dispute_case_version
                            where agency_id = :agency
                            window w as (partition by dispute_id order by version)) states
                        where recorded_from > :since
                        order by recorded_from, dispute_id, version""")
                .param("agency", agencyId)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    Counted now = Counted.of(rs.getString("kind"), rs.getObject("filed_on", LocalDate.class),
                            rs.getString("result"), rs.getObject("decided_on", LocalDate.class),
                            rs.getBoolean("withdrawn"), start, end);
                    Counted before = rs.getObject("previous_version") == null ? Counted.NOWHERE
                            : Counted.of(rs.getString("previous_kind"),
                            rs.getObject("previous_filed_on", LocalDate.class), rs.getString("previous_result"),
                            rs.getObject("previous_decided_on", LocalDate.class), rs.getBoolean("previous_withdrawn"),
                            start, end);
                    if (now.equals(before)) {
                        return;
                    }
                    String move = before.name() + " → " + now.name();
                    UUID disputeId = rs.getObject("dispute_id", UUID.class);
                    String number = rs.getString("registration_number");
                    String type = rs.getString("event_type");
                    Instant at = rs.getObject("recorded_from", java.time.OffsetDateTime.class).toInstant();
                    String by = rs.getString("recorded_by");
                    for (Counted.Cell cell : before.cells()) {
                        if (!now.cells().contains(cell)) {
                            changes.add(new Part4Change(cell.group(), cell.column(), disputeId, number, type, at, by,
                                    move, -1));
                        }
                    }
                    for (Counted.Cell cell : now.cells()) {
                        if (!before.cells().contains(cell)) {
                            changes.add(new Part4Change(cell.group(), cell.column(), disputeId, number, type, at, by,
                                    move, 1));
                        }
                    }
                });
        return changes;
    }

    /** Where one state of a case counts in part 四 of a year: its group and column, or nowhere. */
    private record Counted(DisputeGroup group, DisputeColumn column) {

        static final Counted NOWHERE = new Counted(null, null);

        record Cell(DisputeGroup group, DisputeColumn column) {
        }

        static Counted of(String kind, LocalDate filedOn, String result, LocalDate decidedOn, boolean withdrawn,
                          LocalDate start, LocalDate end) {
            if (withdrawn || filedOn.isAfter(end)) {
                return NOWHERE;
            }
            DisputeGroup group = DisputeKind.valueOf(kind).group();
            if (decidedOn == null || decidedOn.isAfter(end)) {
                return new Counted(group, DisputeColumn.PENDING);
            }
            if (decidedOn.isBefore(start)) {
                return NOWHERE;
            }
            return new Counted(group, DisputeResult.valueOf(result).column());
        }

        /** Its column and TOTAL, or none. */
        List<Cell> cells() {
            return group == null ? List.of()
                    : List.of(new Cell(group, column), new Cell(group, DisputeColumn.TOTAL));
        }

        String name() {
            return group == null ? "–" : group + "/" + column;
        }
    }

    /**
     * The reconciliation failures (勾稽关系) of a part 四 table: for each group, UPHELD + CORRECTED +
     * OTHER + PENDING must equal TOTAL. Each failure names its cells; an empty list means the table
     * reconciles.
     */
    @Override
    public List<ReconciliationFailure> check(Part4Table table) {
        List<ReconciliationFailure> failures = new ArrayList<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            long upheld = table.cell(group, DisputeColumn.UPHELD);
            long corrected = table.cell(group, DisputeColumn.CORRECTED);
            long other = table.cell(group, DisputeColumn.OTHER);
            long pending = table.cell(group, DisputeColumn.PENDING);
            long total = table.cell(group, DisputeColumn.TOTAL);
            long sum = upheld + corrected + other + pending;
            if (sum != total) {
                List<String> cells = new ArrayList<>();
                for (DisputeColumn column : DisputeColumn.values()) {
                    cells.add(group + "/" + column);
                }
                failures.add(new ReconciliationFailure(TOTAL_RULE,
                        "%d年第四部分“%s”：结果维持(%d)＋结果纠正(%d)＋其他结果(%d)＋尚未审结(%d)＝%d，与总计(%d)不符"
                                .formatted(table.year(), DisputeKind.of(group).label(), upheld, corrected, other,
                                        pending, sum, total),
                        "part 4 of %d, %s: UPHELD (%d) + CORRECTED (%d) + OTHER (%d) + PENDING (%d) = %d, but TOTAL is %d"
                                .formatted(table.year(), group, upheld, corrected, other, pending, sum, total),
                        cells, List.of()));
            }
        }
        return failures;
    }

    /** Counts part 四; with {@code at}, only what had been recorded by that instant. */
    private Part4Table count(String label, Collection<String> agencyIds, int year, Instant at) {
        if (agencyIds.isEmpty() || agencyIds.stream().anyMatch(Objects::isNull)) {
            return Part4Table.empty(label, year);
        }
        // as of an instant, each case as the ledger knew it then: the state recorded by then and not
        // yet replaced (a decision, correction or withdrawal recorded later does not count yet)
        String cases = at == null ? "dispute_case" : "dispute_case_version";
        String known = at == null ? ""
                : " and recorded_from <= :at and (recorded_to is null or recorded_to > :at) and not withdrawn";
        Map<DisputeGroup, Map<DisputeColumn, Long>> cells = new EnumMap<>(DisputeGroup.class);
        // the where clause only narrows the scan to the cases that can count in the year: a case is
        // never decided before it was filed, so every case decided in the year passes it
        jdbc.sql("""
                        select kind,
                               count(*) filter (where result = 'UPHELD' and %1$s)    as upheld,
                               count(*) filter (where result = 'CORRECTED' and %1$s) as corrected,
                               count(*) filter (where result = 'OTHER' and %1$s)     as other,
                               count(*) filter (where %2$s)                          as pending
                        from %3$s
                        where agency_id in (:agencies) and filed_on <= :end
                          and (decided_on is null or decided_on >= :start)%4$s
                        group by kind""".formatted(DECIDED_IN_YEAR, PENDING_AT_YEAR_END, cases, known))
                .param("agencies", List.copyOf(agencyIds))
                .param("start", LocalDate.of(year, 1, 1))
                .param("end", LocalDate.of(year, 12, 31))
                .param("at", at == null ? null : at.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new KindCounts(DisputeKind.valueOf(rs.getString("kind")), rs.getLong("upheld"),
                        rs.getLong("corrected"), rs.getLong("other"), rs.getLong("pending")))
                .list()
                .forEach(counts -> cells.put(counts.kind().group(), counts.columns()));
        return new Part4Table(label, year, cells);
    }

    private record KindCounts(DisputeKind kind, long upheld, long corrected, long other, long pending) {

        Map<DisputeColumn, Long> columns() {
            return Map.of(
                    DisputeColumn.UPHELD, upheld,
                    DisputeColumn.CORRECTED, corrected,
                    DisputeColumn.OTHER, other,
                    DisputeColumn.PENDING, pending,
                    DisputeColumn.TOTAL, upheld + corrected + other + pending);
        }
    }
}
