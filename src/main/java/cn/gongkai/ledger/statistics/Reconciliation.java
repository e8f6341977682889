package cn.gongkai.ledger.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation rules of part 三 (勾稽关系), as the national format and those who audit
 * published reports state them. Pure: tables in, failures out.
 *
 * <ol>
 *   <li>{@code BalancePerColumn}: RECEIVED + CARRIED_OVER = RESOLVED_TOTAL + CARRIED_FORWARD, each column
 *       (the rule printed in the official table's header cell);</li>
 *   <li>{@code ResolvedTotalIsSumOfOutcomes}: RESOLVED_TOTAL = the sum of the outcome rows, each column;</li>
 *   <li>{@code TotalColumnIsSumOfCategories}: TOTAL = the sum of the six applicant columns, each row;</li>
 *   <li>{@code CarriedOverEqualsLastYearsCarriedForward}: CARRIED_OVER(Y) = CARRIED_FORWARD(Y−1), each cell.</li>
 * </ol>
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** Checks one table, and against the previous year's when given (null: no previous year to compare). */
    public static List<ReconciliationFailure> check(Part3Table table, Part3Table previousYear) {
        List<ReconciliationFailure> failures = new ArrayList<>();
        for (TableColumn column : TableColumn.values()) {
            long in = table.cell(TableRow.RECEIVED, column) + table.cell(TableRow.CARRIED_OVER, column);
            long out = table.cell(TableRow.RESOLVED_TOTAL, column) + table.cell(TableRow.CARRIED_FORWARD, column);
            if (in != out) {
                failures.add(failure("BalancePerColumn",
                        column.label() + "列：第一项加第二项之和（" + in + "）不等于第三项加第四项之和（" + out + "）",
                        column + ": RECEIVED + CARRIED_OVER (" + in + ") != RESOLVED_TOTAL + CARRIED_FORWARD (" + out + ")",
                        cells(column, TableRow.RECEIVED, TableRow.CARRIED_OVER, TableRow.RESOLVED_TOTAL,
                                TableRow.CARRIED_FORWARD)));
            }
            long outcomes = 0;
            List<String> outcomeCells = new ArrayList<>();
            for (TableRow row : TableRow.values()) {
                if (row.isOutcome()) {
                    outcomes += table.cell(row, column);
                    outcomeCells.add(cell(row, column));
                }
            }
            if (outcomes != table.cell(TableRow.RESOLVED_TOTAL, column)) {
                outcomeCells.add(cell(TableRow.RESOLVED_TOTAL, column));
                failures.add(failure("ResolvedTotalIsSumOfOutcomes",
                        column.label() + "列：(七) 总计（" + table.cell(TableRow.RESOLVED_TOTAL, column)
                                + "）不等于各项办理结果之和（" + outcomes + "）",
                        column + ": RESOLVED_TOTAL (" + table.cell(TableRow.RESOLVED_TOTAL, column)
                                + ") != sum of outcome rows (" + outcomes + ")",
                        outcomeCells));
            }
        }
        for (TableRow row : TableRow.values()) {
            long sum = 0;
            List<String> rowCells = new ArrayList<>();
            for (TableColumn column : TableColumn.values()) {
                if (column != TableColumn.TOTAL) {
                    sum += table.cell(row, column);
                    rowCells.add(cell(row, column));
                }
            }
            if (sum != table.cell(row, TableColumn.TOTAL)) {
                rowCells.add(cell(row, TableColumn.TOTAL));
                failures.add(failure("TotalColumnIsSumOfCategories",
                        "“" + row.label() + "”行：总计（" + table.cell(row, TableColumn.TOTAL) + "）不等于各类申请人之和（"
                                + sum + "）",
                        row + ": TOTAL (" + table.cell(row, TableColumn.TOTAL) + ") != sum of the six columns (" + sum + ")",
                        rowCells));
            }
        }
        if (previousYear != null) {
            for (TableColumn column : TableColumn.values()) {
                long over = table.cell(TableRow.CARRIED_OVER, column);
                long forward = previousYear.cell(TableRow.CARRIED_FORWARD, column);
                if (over != forward) {
                    failures.add(failure("CarriedOverEqualsLastYearsCarriedForward",
                            column.label() + "列：" + table.year() + "年上年结转（" + over + "）不等于" + previousYear.year()
                                    + "年结转下年度（" + forward + "）",
                            column + ": CARRIED_OVER(" + table.year() + ") = " + over + " != CARRIED_FORWARD("
                                    + previousYear.year() + ") = " + forward,
                            List.of(table.year() + ":" + cell(TableRow.CARRIED_OVER, column),
                                    previousYear.year() + ":" + cell(TableRow.CARRIED_FORWARD, column))));
                }
            }
        }
        return failures;
    }

    private static ReconciliationFailure failure(String rule, String zh, String en, List<String> cells) {
        return new ReconciliationFailure(rule, zh, en, cells, List.of());
    }

    private static List<String> cells(TableColumn column, TableRow... rows) {
        List<String> cells = new ArrayList<>();
        for (TableRow row : rows) {
            cells.add(cell(row, column));
        }
        return cells;
    }

    /** The name of a cell in failures and provenance: {@code ROW/COLUMN}. */
    public static String cell(TableRow row, TableColumn column) {
        return row.name() + "/" + column.name();
    }
}
