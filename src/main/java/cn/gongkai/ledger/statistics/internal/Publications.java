package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.PublishedDifference;
import cn.gongkai.ledger.statistics.PublishedDifference.Change;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Every part 三 cell that differs from the published version, with the changes recorded since. */
    List<PublishedDifference> part3Differences(String agencyId, Published published, Part3Table current) {
        List<PublishedDifference> differences = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                long then = published.part3().getOrDefault(row.name(), Map.of()).getOrDefault(column.name(), 0L);
                long now = current.cell(row, column);
                if (then != now) {
                    differences.add(new PublishedDifference("三", row.name(), column.name(), then, now,
                            changesSince(agencyId, current.year(), row, column, published.publishedAt())));
                }
            }
        }
        return differences;
    }

    /** Part 四 cells that differ; its changes are not logged per event, so none are listed. */
    List<PublishedDifference> part4Differences(Published published, Map<String, Map<String, Long>> current) {
        List<PublishedDifference> differences = new ArrayList<>();
        Map<String, Map<String, Long>> all = new LinkedHashMap<>(current);
        published.part4().forEach(all::putIfAbsent);
        all.forEach((group, columns) -> columns.keySet().forEach(column -> {
            long then = published.part4().getOrDefault(group, Map.of()).getOrDefault(column, 0L);
            long now = current.getOrDefault(group, Map.of()).getOrDefault(column, 0L);
            if (then != now) {
                differences.add(new PublishedDifference("四", group, column, then, now, List.of()));
            }
        }));
        return differences;
    }

    /**
     * The counter changes recorded after {@code since} that feed one cell: the cell itself, or for
     * carried over / forward the received and resolved counts of the years whose balance it is.
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
        return jdbc.sql("select recorded_at, event_type, registration_number, year, row_code, column_code, delta"
                        + " from statistics_count_change where agency_id = :agency and column_code = :column"
                        + " and year <= :lastYear and recorded_at > :since and " + cells + " order by id")
                .param("agency", agencyId)
                .param("column", column.name())
                .param("lastYear", lastYear)
                .param("since", since.atOffset(java.time.ZoneOffset.UTC))
                .param("row", row.name())
                .param("year", year)
                .query((rs, n) -> new Change(
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("event_type"),
                        rs.getString("registration_number"),
                        rs.getInt("year") + ":" + rs.getString("row_code") + "/" + rs.getString("column_code"),
                        rs.getLong("delta")))
                .list();
    }
}
