package cn.gongkai.ledger.statistics;

import java.util.EnumMap;
import java.util.Map;

/**
 * Part 三 of one agency's annual report for one year (收到和处理政府信息公开申请情况): a count for
 * every row × column. Immutable; built by the projection or by tests, checked by {@link Reconciliation}.
 * Rows and columns iterate in the official order.
 *
 * @param agencyId the agency, or the root of a roll-up
 * @param year     the report year
 * @param closed   whether the year has been closed (otherwise the table is "as of now" and
 *                 {@code CARRIED_FORWARD} shows the applications that would be carried forward)
 */
public record Part3Table(String agencyId, int year, boolean closed, Map<TableRow, Map<TableColumn, Long>> cells) {

    public Part3Table {
        EnumMap<TableRow, Map<TableColumn, Long>> copy = new EnumMap<>(TableRow.class);
        for (TableRow row : TableRow.values()) {
            EnumMap<TableColumn, Long> columns = new EnumMap<>(TableColumn.class);
            for (TableColumn column : TableColumn.values()) {
                Map<TableColumn, Long> given = cells.get(row);
                columns.put(column, given == null ? 0L : given.getOrDefault(column, 0L));
            }
            copy.put(row, java.util.Collections.unmodifiableMap(columns));
        }
        cells = java.util.Collections.unmodifiableMap(copy);
    }

    public long cell(TableRow row, TableColumn column) {
        return cells.get(row).get(column);
    }

    /**
     * The table by code: row → column → count, rows and columns in the official order. The one
     * flattening that published messages, publications and the API share.
     */
    public Map<String, Map<String, Long>> codes() {
        Map<String, Map<String, Long>> codes = new java.util.LinkedHashMap<>();
        for (TableRow row : TableRow.values()) {
            Map<String, Long> columns = new java.util.LinkedHashMap<>();
            for (TableColumn column : TableColumn.values()) {
                columns.put(column.name(), cell(row, column));
            }
            codes.put(row.name(), columns);
        }
        return codes;
    }

    /** A builder for tests and projections: set cells, then {@link Builder#build()}. */
    public static Builder builder(String agencyId, int year, boolean closed) {
        return new Builder(agencyId, year, closed);
    }

    public static final class Builder {
        private final String agencyId;
        private final int year;
        private final boolean closed;
        private final Map<TableRow, Map<TableColumn, Long>> cells = new EnumMap<>(TableRow.class);

        private Builder(String agencyId, int year, boolean closed) {
            this.agencyId = agencyId;
            this.year = year;
            this.closed = closed;
        }

        public Builder set(TableRow row, TableColumn column, long value) {
            cells.computeIfAbsent(row, r -> new EnumMap<>(TableColumn.class)).put(column, value);
            return this;
        }

        public Builder add(TableRow row, TableColumn column, long value) {
            cells.computeIfAbsent(row, r -> new EnumMap<>(TableColumn.class)).merge(column, value, Long::sum);
            return this;
        }

        public Part3Table build() {
            return new Part3Table(agencyId, year, closed, cells);
        }
    }
}
