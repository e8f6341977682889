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

    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日");

    /**
     * The status lines under the tables, so a pasted or printed table says what it is: when the figures were read
     * (数据截至) and which published version there is. None when the export was made without a time.
     */
    static List<String> status(ExportedTables tables) {
        if (tables.dataAsOf() == null) {
            return List.of();
        }
        String asOf = "数据截至：" + DATE_TIME.format(tables.dataAsOf().atZone(SHANGHAI)) + "（北京时间）";
        String published = tables.published() == null ? "公布版本：本年度报表尚未公布"
                : "公布版本：第" + tables.published().version() + "版，"
                        + DATE.format(tables.published().publishedAt().atZone(SHANGHAI)) + "公布";
        return List.of(asOf, published);
    }

    static String openYear(int year) {
        return "注：" + year + "年度统计尚未截止，表中为截至导出时的数据。";
    }
}
