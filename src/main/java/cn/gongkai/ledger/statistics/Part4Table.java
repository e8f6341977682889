package cn.gongkai.ledger.statistics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Part 四 of one agency's annual report for one year: 3 groups × 5 columns. A case decided in the
 * year counts in its result column; a case filed and undecided at the year's end in PENDING;
 * TOTAL is the sum of the other four.
 */
public record Part4Table(String agencyId, int year, Map<DisputeGroup, Map<DisputeColumn, Long>> cells) {

    public Part4Table {
        EnumMap<DisputeGroup, Map<DisputeColumn, Long>> copy = new EnumMap<>(DisputeGroup.class);
        for (DisputeGroup group : DisputeGroup.values()) {
            EnumMap<DisputeColumn, Long> columns = new EnumMap<>(DisputeColumn.class);
            Map<DisputeColumn, Long> given = cells.get(group);
            for (DisputeColumn column : DisputeColumn.values()) {
                columns.put(column, given == null ? 0L : given.getOrDefault(column, 0L));
            }
            copy.put(group, Collections.unmodifiableMap(columns));
        }
        cells = Collections.unmodifiableMap(copy);
    }

    public long cell(DisputeGroup group, DisputeColumn column) {
        return cells.get(group).get(column);
    }

    /** The table by code: group → column → count, in the official order (see {@link Part3Table#codes()}). */
    public Map<String, Map<String, Long>> codes() {
        Map<String, Map<String, Long>> codes = new java.util.LinkedHashMap<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            Map<String, Long> columns = new java.util.LinkedHashMap<>();
            for (DisputeColumn column : DisputeColumn.values()) {
                columns.put(column.name(), cell(group, column));
            }
            codes.put(group.name(), columns);
        }
        return codes;
    }

    public static Part4Table empty(String agencyId, int year) {
        return new Part4Table(agencyId, year, Map.of());
    }
}
