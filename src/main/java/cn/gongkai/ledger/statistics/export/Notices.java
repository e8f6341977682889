package cn.gongkai.ledger.statistics.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines every human-readable export prints outside the tables when the figures are not yet
 * final: an open year, and failed reconciliation checks. A closed, reconciled year has none, so
 * what is published is the official table and nothing else.
 */
final class Notices {

    static final String FAILURES_HEADING = "勾稽关系核对未通过，请核实后再公开：";

    private Notices() {
    }

    static List<String> of(ExportedTables tables) {
        List<String> lines = new ArrayList<>();
        if (!tables.closed()) {
            lines.add(openYear(tables.year()));
        }
        if (!tables.reconciled()) {
            lines.add(FAILURES_HEADING);
            for (String failure : tables.reconciliationFailures()) {
                lines.add("　　" + failure);
            }
        }
        return lines;
    }

    static String openYear(int year) {
        return "注：" + year + "年度统计尚未截止，表中为截至导出时的数据。";
    }
}
