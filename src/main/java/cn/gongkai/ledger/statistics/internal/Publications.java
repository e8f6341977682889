package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.PublishedDifference;
import cn.gongkai.ledger.statistics.PublishedDifference.Change;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The published versions of an agency-year's tables, and how today's tables differ from the latest. */
@Component
class Publications {

    private static final TypeReference<Map<String, Map<String, Long>>> CELLS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Publications(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Published(int version, Instant publishedAt, String publishedBy, Map<String, Map<String, Long>> part3,
                     Map<String, Map<String, Long>> part4) {
    }

    Optional<Published> latest(String agencyId, int year) {
        return jdbc.sql("""
                        select version, published_at, published_by, part3::text as part3, part4::text as part4
                        from statistics_publication where agency_id = :agency and year = :year
                        order by version desc limit 1""")
                .param("agency", agencyId)
                .param("year", year)
                .query((rs, n) -> new Published(rs.getInt("version"),
                        rs.getObject("published_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("published_by"),
                        json.readValue(rs.getString("part3"), CELLS),
                        json.readValue(rs.getString("part4"), CELLS)))
                .optional();
    }

    /** Every part 三 cell that differs from the published version, with the events since behind the change. */
    List<PublishedDifference> part3Differences(String agencyId, Published published, Part3Table current) {
        List<PublishedDifference> differences = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                long then = published.part3().getOrDefault(row.name(), Map.of()).getOrDefault(column.name(), 0L);
                long now = current.cell(row, column);
                if (then != now) {
                    differences.add(new PublishedDifference("三", row.name(), column.name(), then, now,
                            collapsed(changesSince(agencyId, current.year(), row, column, published.publishedAt()))));
                }
            }
        }
        return differences;
    }

    /** Every part 四 cell that differs, with the moves of cases since publication behind the change. */
    List<PublishedDifference> part4Differences(Published published, Map<String, Map<String, Long>> current,
                                               List<Part4Change> changes) {
        Map<String, List<Change>> byCell = new LinkedHashMap<>();
        for (Part4Change change : changes) {
            byCell.computeIfAbsent(change.group() + "/" + change.column(), cell -> new ArrayList<>())
                    .add(new Change("dispute", change.disputeId(), change.registrationNumber(), change.eventType(),
                            change.recordedAt(), change.recordedBy(), change.move(), change.effect()));
        }
        List<PublishedDifference> differences = new ArrayList<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            for (DisputeColumn column : DisputeColumn.values()) {
                long then = published.part4().getOrDefault(group.name(), Map.of()).getOrDefault(column.name(), 0L);
                long now = current.getOrDefault(group.name(), Map.of()).getOrDefault(column.name(), 0L);
                if (then != now) {
                    differences.add(new PublishedDifference("四", group.name(), column.name(), then, now,
                            collapsed(byCell.getOrDefault(group + "/" + column, List.of()))));
                }
            }
        }
        return differences;
    }

    /**
     * The changes of one cell without those that cancel out: an event whose effect a later event of
     * the same application or case undoes is dropped together with that later event. What is left
     * is the net change, oldest first.
     */
    static List<Change> collapsed(List<Change> changes) {
        Map<UUID, Deque<Change>> open = new LinkedHashMap<>();
        List<Change> kept = new ArrayList<>();
        for (Change change : changes) {
            Deque<Change> ofSubject = open.computeIfAbsent(change.id(), id -> new ArrayDeque<>());
            Change last = ofSubject.peekLast();
            if (last != null && last.effect() == -change.effect()) {
                ofSubject.removeLast();
                kept.remove(last);
            } else {
                ofSubject.addLast(change);
                kept.add(change);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * The counter changes recorded after {@code since} that feed one cell, each with its effect on
     * the cell: the cell's own counter, or for carried over / forward (a balance: received less
     * resolved, summed over the years up to the one whose end it is) every receipt (+) and
     * conclusion (−) of those years.
     */
    private List<Change> changesSince(String agencyId, int year, TableRow row, TableColumn column, Instant since) {
        String cells;
        int lastYear;
        switch (row) {
            case CARRIED_OVER -> {
                cells = "row_code in ('RECEIVED', 'RESOLVED_TOTAL')";
                lastYear = year - 1;
            }
            case CARRIED_FORWARD -> {
                cells = "row_code in ('RECEIVED', 'RESOLVED_TOTAL')";
                lastYear = year;
            }
            default -> {
                cells = "row_code = :row and year = :year";
                lastYear = year;
            }
        }
        boolean balance = row == TableRow.CARRIED_OVER || row == TableRow.CARRIED_FORWARD;
        return jdbc.sql("select recorded_at, event_type, request_id, registration_number, recorded_by, year, row_code,"
                        + " column_code, delta from statistics_count_change where agency_id = :agency"
                        + " and column_code = :column and year <= :lastYear and recorded_at > :since and " + cells
                        + " order by id")
                .param("agency", agencyId)
                .param("column", column.name())
                .param("lastYear", lastYear)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .param("row", row.name())
                .param("year", year)
                .query((rs, n) -> {
                    long delta = rs.getLong("delta");
                    // a conclusion adds to 办结 but takes from the balance still open
                    long effect = balance && rs.getString("row_code").equals(TableRow.RESOLVED_TOTAL.name())
                            ? -delta : delta;
                    return new Change("application", rs.getObject("request_id", UUID.class),
                            rs.getString("registration_number"), rs.getString("event_type"),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"),
                            rs.getInt("year") + ":" + rs.getString("row_code") + "/" + rs.getString("column_code"),
                            effect);
                })
                .list();
    }
}
