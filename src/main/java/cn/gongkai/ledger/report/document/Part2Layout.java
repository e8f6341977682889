package cn.gongkai.ledger.report.document;

import cn.gongkai.ledger.report.ReportDocument;
import cn.gongkai.ledger.report.ReportDocument.Documents;
import cn.gongkai.ledger.report.ReportDocument.Part2;
import cn.gongkai.ledger.report.TemplateVersion;
import cn.gongkai.ledger.statistics.export.OfficialTable;
import cn.gongkai.ledger.statistics.export.OfficialTable.Cell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 二、主动公开政府信息情况 as a table of four grid columns, in the layout of the report's template version.
 *
 * <p>2021 (国办公开办函〔2021〕30号): 第二十条第（一）项 规章 and 行政规范性文件 (本年制发件数 / 本年废止件数 / 现行有效件数),
 * 第（五）项 行政许可, 第（六）项 行政处罚 and 行政强制 (本年处理决定数量), 第（八）项 行政事业性收费 (本年收费金额, 万元 with four
 * decimals).
 *
 * <p>2019 (国办公开办函〔2019〕60号): 第（一）项 规章 and 规范性文件 (本年新制作数量 / 本年新公开数量 / 对外公开总数量),
 * 第（五）项 行政许可 and 其他对外管理服务事项, 第（六）项 行政处罚 and 行政强制 (上一年项目数量 / 本年增/减 / 处理决定数量),
 * 第（八）项 行政事业性收费 (上一年项目数量 / 本年增/减), 第（九）项 政府集中采购 (采购项目数量 / 采购总金额). The 2021 figures
 * are mapped where the meaning is the same: 本年制发 → 本年新制作数量, 现行有效 → 对外公开总数量, 本年处理决定数量 →
 * 处理决定数量. The rest stays blank; the fee amount, which the 2019 table has no cell for, is stated in
 * {@link #feeNote2019(ReportDocument)}.
 */
final class Part2Layout {

    static final String TITLE = "二、主动公开政府信息情况";
    static final List<Integer> WIDTHS = List.of(34, 22, 22, 22);

    private Part2Layout() {
    }

    static OfficialTable table(ReportDocument report) {
        return report.template() == TemplateVersion.FORMAT_2019 ? format2019(report.part2()) : format2021(report.part2());
    }

    /** The 2019 table has no cell for the fee amount: this sentence goes below it, or empty when none is entered. */
    static Optional<String> feeNote2019(ReportDocument report) {
        if (report.template() != TemplateVersion.FORMAT_2019) {
            return Optional.empty();
        }
        return report.part2().feesInTenThousandYuan().map(fees -> "注：本年行政事业性收费金额为" + fees(fees)
                + "万元（2019年格式的表中无此栏）。");
    }

    private static OfficialTable format2021(Part2 part2) {
        List<List<Cell>> rows = new ArrayList<>();
        article(rows, "第二十条第（一）项");
        rows.add(List.of(header("信息内容"), header("本年制发件数"), header("本年废止件数"), header("现行有效件数")));
        documents(rows, "规章", part2.regulations());
        documents(rows, "行政规范性文件", part2.normativeDocuments());
        article(rows, "第二十条第（五）项");
        rows.add(List.of(header("信息内容"), wide(header("本年处理决定数量"))));
        rows.add(List.of(label("行政许可"), wide(value(count(part2.licensing())))));
        article(rows, "第二十条第（六）项");
        rows.add(List.of(header("信息内容"), wide(header("本年处理决定数量"))));
        rows.add(List.of(label("行政处罚"), wide(value(count(part2.penalties())))));
        rows.add(List.of(label("行政强制"), wide(value(count(part2.enforcement())))));
        article(rows, "第二十条第（八）项");
        rows.add(List.of(header("信息内容"), wide(header("本年收费金额（单位：万元）"))));
        rows.add(List.of(label("行政事业性收费"), wide(value(part2.feesInTenThousandYuan().map(Part2Layout::fees)
                .orElse("")))));
        return new OfficialTable(TITLE, 0, rows, WIDTHS);
    }

    private static OfficialTable format2019(Part2 part2) {
        List<List<Cell>> rows = new ArrayList<>();
        article(rows, "第二十条第（一）项");
        rows.add(List.of(header("信息内容"), header("本年新制作数量"), header("本年新公开数量"), header("对外公开总数量")));
        rows.add(List.of(label("规章"), value(count(part2.regulations().issued())), value(""),
                value(count(part2.regulations().inForce()))));
        rows.add(List.of(label("规范性文件"), value(count(part2.normativeDocuments().issued())), value(""),
                value(count(part2.normativeDocuments().inForce()))));
        article(rows, "第二十条第（五）项");
        rows.add(List.of(header("信息内容"), header("上一年项目数量"), header("本年增/减"), header("处理决定数量")));
        rows.add(List.of(label("行政许可"), value(""), value(""), value(count(part2.licensing()))));
        rows.add(List.of(label("其他对外管理服务事项"), value(""), value(""), value("")));
        article(rows, "第二十条第（六）项");
        rows.add(List.of(header("信息内容"), header("上一年项目数量"), header("本年增/减"), header("处理决定数量")));
        rows.add(List.of(label("行政处罚"), value(""), value(""), value(count(part2.penalties()))));
        rows.add(List.of(label("行政强制"), value(""), value(""), value(count(part2.enforcement()))));
        article(rows, "第二十条第（八）项");
        rows.add(List.of(header("信息内容"), header("上一年项目数量"), span(header("本年增/减"), 2)));
        rows.add(List.of(label("行政事业性收费"), value(""), span(value(""), 2)));
        article(rows, "第二十条第（九）项");
        rows.add(List.of(header("信息内容"), header("采购项目数量"), span(header("采购总金额"), 2)));
        rows.add(List.of(label("政府集中采购"), value(""), span(value(""), 2)));
        return new OfficialTable(TITLE, 0, rows, WIDTHS);
    }

    private static void article(List<List<Cell>> rows, String article) {
        rows.add(List.of(span(header(article), 4)));
    }

    private static void documents(List<List<Cell>> rows, String label, Documents documents) {
        rows.add(List.of(label(label), value(count(documents.issued())), value(count(documents.repealed())),
                value(count(documents.inForce()))));
    }

    /** 万元 with exactly four decimals, as the format asks (1165.5066). */
    static String fees(BigDecimal tenThousandYuan) {
        return tenThousandYuan.setScale(4, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String count(Optional<Long> count) {
        return count.map(String::valueOf).orElse("");
    }

    private static Cell header(String text) {
        return new Cell(true, false, 1, 1, text, null, null, null);
    }

    private static Cell label(String text) {
        return new Cell(false, true, 1, 1, text, null, null, null);
    }

    private static Cell value(String text) {
        return new Cell(false, false, 1, 1, text, null, null, null);
    }

    private static Cell wide(Cell cell) {
        return span(cell, 3);
    }

    private static Cell span(Cell cell, int columns) {
        return new Cell(cell.header(), cell.label(), 1, columns, cell.text(), cell.number(), null, null);
    }
}
