package cn.gongkai.ledger.statistics;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.YearEnd;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads part 三 from the annual-tables projection. A table is assembled from the year's counters
 * and the cumulative balance of the years before (carried over and forward), so its cost depends
 * on the number of years, never on the number of applications.
 */
@Service
public class AnnualTables {

    private final JdbcClient jdbc;

    AnnualTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Part 三 of one agency and year. */
    public Part3Table part3(String agencyId, int year) {
        return part3(agencyId, List.of(agencyId), year);
    }

    /** Part 三 summed over {@code agencyIds} (a roll-up), shown as {@code label}'s table. */
    public Part3Table part3(String label, Collection<String> agencyIds, int year) {
        return assemble(label, year, closed(agencyIds, year), jdbc.sql("""
                        select year, row_code, column_code, sum(value) as value from statistics_count
                        where agency_id in (:agencies) and year <= :year
                        group by year, row_code, column_code""")
                .param("agencies", agencyIds)
                .param("year", year));
    }

    /**
     * Part 三 as it stood at {@code at}: only the changes recorded up to that instant count. Reads the
     * change log, so it costs in proportion to the changes of the years up to {@code year}.
     */
    public Part3Table part3AsOf(String label, Collection<String> agencyIds, int year, Instant at) {
        long closed = jdbc.sql("""
                        select count(*) from statistics_closed_year
                        where agency_id in (:agencies) and year = :year and recorded_at <= :at""")
                .param("agencies", agencyIds)
                .param("year", year)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
        return assemble(label, year, closed == agencyIds.size(), jdbc.sql("""
                        select year, row_code, column_code, sum(delta) as value from statistics_count_change
                        where agency_id in (:agencies) and year <= :year and recorded_at <= :at
                        group by year, row_code, column_code""")
                .param("agencies", agencyIds)
                .param("year", year)
                .param("at", at.atOffset(ZoneOffset.UTC)));
    }

    /**
     * Builds a table from counter rows (year, row, column, value) of the years up to {@code year}:
     * the year's own rows as they are, carried over and forward as the running balance
     * (received − resolved) before and through the year.
     */
    private static Part3Table assemble(String label, int year, boolean closed, JdbcClient.StatementSpec counters) {
        Map<TableColumn, Long> balanceBefore = new EnumMap<>(TableColumn.class);
        Map<TableColumn, Long> balanceAtEnd = new EnumMap<>(TableColumn.class);
        Part3Table.Builder table = Part3Table.builder(label, year, closed);
        counters.query(rs -> {
            int countYear = rs.getInt("year");
            TableRow row = TableRow.valueOf(rs.getString("row_code"));
            TableColumn column = TableColumn.valueOf(rs.getString("column_code"));
            long value = rs.getLong("value");
            if (countYear == year) {
                table.set(row, column, value);
            }
            long balance = row == TableRow.RECEIVED ? value : row == TableRow.RESOLVED_TOTAL ? -value : 0;
            balanceAtEnd.merge(column, balance, Long::sum);
            if (countYear < year) {
                balanceBefore.merge(column, balance, Long::sum);
            }
        });
        for (TableColumn column : TableColumn.values()) {
            table.set(TableRow.CARRIED_OVER, column, balanceBefore.getOrDefault(column, 0L));
            table.set(TableRow.CARRIED_FORWARD, column, balanceAtEnd.getOrDefault(column, 0L));
        }
        return table.build();
    }

    /** Whether every one of the agencies has closed the year. */
    public boolean closed(Collection<String> agencyIds, int year) {
        long closed = jdbc.sql("select count(*) from statistics_closed_year where agency_id in (:agencies) and year = :year")
                .param("agencies", agencyIds)
                .param("year", year)
                .query(Long.class)
                .single();
        return closed == agencyIds.size();
    }

    /** The applications counted in one cell, by registration number. */
    public List<CountedApplication> applicationsIn(Collection<String> agencyIds, int year, TableRow row,
                                                   TableColumn column) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = YearEnd.of(year);
        String where = switch (row) {
            case RECEIVED -> "received_on between :start and :end";
            // open at the end of the year before, and of this year: the request register's one rule
            case CARRIED_OVER -> YearEnd.sql("received_on", "concluded_on", "endBefore");
            case CARRIED_FORWARD -> YearEnd.sql("received_on", "concluded_on", "end");
            case RESOLVED_TOTAL -> "concluded_on between :start and :end";
            default -> "concluded_on between :start and :end and outcome = :outcome";
        };
        var query = jdbc.sql("select request_id, agency_id, registration_number, category, received_on, concluded_on,"
                        + " outcome from statistics_application where agency_id in (:agencies) and " + where
                        + (column == TableColumn.TOTAL ? "" : " and category = :category")
                        + " order by agency_id, registration_number")
                .param("agencies", agencyIds)
                .param("start", start)
                .param("end", end)
                .param("endBefore", YearEnd.of(year - 1));
        if (row.isOutcome()) {
            query = query.param("outcome", row.outcome().name());
        }
        if (column != TableColumn.TOTAL) {
            query = query.param("category", column.category().name());
        }
        return query.query((rs, n) -> new CountedApplication(
                        rs.getObject("request_id", UUID.class),
                        rs.getString("agency_id"),
                        rs.getString("registration_number"),
                        ApplicantCategory.valueOf(rs.getString("category")),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getObject("concluded_on", LocalDate.class),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome"))))
                .list();
    }

    /**
     * The reconciliation failures of a table, each with the applications counted in its cells
     * (at most 50 per failure, so that a broken table does not produce an unreadable answer).
     */
    public List<ReconciliationFailure> reconcile(Collection<String> agencyIds, Part3Table table, Part3Table previous) {
        List<ReconciliationFailure> failures = new ArrayList<>();
        for (ReconciliationFailure failure : Reconciliation.check(table, previous)) {
            List<String> numbers = new ArrayList<>();
            for (String cell : failure.cells()) {
                String[] parts = cell.substring(cell.indexOf(':') + 1).split("/");
                int year = cell.contains(":") ? Integer.parseInt(cell.substring(0, cell.indexOf(':'))) : table.year();
                applicationsIn(agencyIds, year, TableRow.valueOf(parts[0]), TableColumn.valueOf(parts[1]))
                        .forEach(a -> {
                            if (numbers.size() < 50 && !numbers.contains(a.registrationNumber())) {
                                numbers.add(a.registrationNumber());
                            }
                        });
            }
            failures.add(failure.withApplications(numbers));
        }
        return failures;
    }
}
