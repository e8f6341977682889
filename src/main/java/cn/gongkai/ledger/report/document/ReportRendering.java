package cn.gongkai.ledger.report.document;

import cn.gongkai.ledger.documents.Docx;
import cn.gongkai.ledger.documents.Pdf;
import cn.gongkai.ledger.report.ReportDocument;
import cn.gongkai.ledger.report.TemplateVersion;
import cn.gongkai.ledger.statistics.export.OfficialTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

/**
 * The whole 政府信息公开工作年度报告 as the office publishes it: the title line, the six parts in order, the
 * tables in the official layout of the report's {@link TemplateVersion} (parts 三 and 四 from the same layout as
 * the exports of the tables), and a closing line with the data's date and the published version.
 *
 * <ul>
 *   <li>{@link #html}: one self-contained XHTML page (charset, styles inline in the head, no external files);</li>
 *   <li>{@link #docx}: Word, A4 with the margins of GB/T 9704, title in 宋体, headings in 黑体 and 楷体, body in
 *       仿宋, tables in 宋体, East-Asian fonts set on every run;</li>
 *   <li>{@link #pdf}: the page printed on A4 with the CJK font embedded ({@link Pdf}).</li>
 * </ul>
 * Stateless; every method renders the document it is given and nothing else.
 */
public final class ReportRendering {

    static final String PART1 = "一、总体情况";
    static final String PART3 = "三、收到和处理政府信息公开申请情况";
    static final String PART4 = "四、政府信息公开行政复议、行政诉讼情况";
    static final String PART5 = "五、存在的主要问题及改进情况";
    static final String PART6 = "六、其他需要报告的事项";

    /** The six part headings in order. */
    public static final List<String> PART_HEADINGS = List.of(PART1, Part2Layout.TITLE, PART3, PART4, PART5, PART6);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The text width of the DOCX page: A4 less the left (28 mm) and right (26 mm) margins. */
    private static final double TEXT_WIDTH_MM = 210 - 28 - 26;

    private ReportRendering() {
    }

    /** The report as the title line prints it: 《驻马店经济开发区管委会2021年政府信息公开工作年度报告》 without 《》. */
    public static String title(ReportDocument report) {
        return report.title();
    }

    /** The tables of the report in print order: parts 二, 三 and 四. */
    static List<OfficialTable> tables(ReportDocument report) {
        boolean format2019 = report.template() == TemplateVersion.FORMAT_2019;
        return List.of(Part2Layout.table(report), OfficialTable.part3(report.part3(), format2019),
                OfficialTable.part4(report.part4()));
    }

    /** The closing line: when the figures were read, and which published version this is. */
    static String closingLine(ReportDocument report) {
        String line = "数据截至" + DATE_TIME.format(report.dataAsOf().atZone(SHANGHAI)) + "（北京时间）";
        line += report.publication()
                .map(p -> "；第" + p.version() + "版，" + DATE.format(p.publishedAt().atZone(SHANGHAI)) + "公布"
                        + p.changeNote().map(note -> "（更正：" + note + "）").orElse(""))
                .orElse("；未公布稿");
        return line + "；表格格式：" + report.template().notice() + "。";
    }

    // ---------------------------------------------------------------- HTML

    /** The report as one self-contained XHTML page, legible from 1000 px wide and printable on A4. */
    public static String html(ReportDocument report) {
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(report.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<div class=\"report\">\n");
        html.append("<h1>").append(escape(report.title())).append("</h1>\n");

        html.append("<h2>").append(PART1).append("</h2>\n");
        for (ReportDocument.Section section : report.part1()) {
            html.append("<h3>").append(escape(section.heading())).append("</h3>\n");
            paragraphs(html, section.paragraphs());
        }
        List<OfficialTable> tables = tables(report);
        html.append("<h2>").append(Part2Layout.TITLE).append("</h2>\n");
        table(html, tables.get(0), "part2");
        Part2Layout.feeNote2019(report).ifPresent(note ->
                html.append("<p class=\"note\">").append(escape(note)).append("</p>\n"));
        html.append("<h2 class=\"new-page\">").append(PART3).append("</h2>\n");
        table(html, tables.get(1), "part3");
        html.append("<h2>").append(PART4).append("</h2>\n");
        table(html, tables.get(2), "part4");
        html.append("<h2>").append(PART5).append("</h2>\n");
        paragraphs(html, report.part5());
        html.append("<h2>").append(PART6).append("</h2>\n");
        paragraphs(html, report.part6());
        html.append("<p class=\"closing\">").append(escape(closingLine(report))).append("</p>\n");
        html.append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 25mm 20mm 22mm 20mm; }
            body { margin: 0; background: #fff; color: #000;
                   font-family: "宋体", "SimSun", "Noto Serif CJK SC", "Noto Serif SC", serif; }
            .report { max-width: 960px; margin: 0 auto; padding: 24px 20px; font-size: 16px; line-height: 1.75; }
            h1 { font-size: 24px; font-weight: bold; text-align: center; margin: 8px 0 24px; line-height: 1.5; }
            h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 17px; font-weight: bold;
                 margin: 22px 0 8px; }
            h3 { font-family: "楷体", "KaiTi", "Noto Serif CJK SC", serif; font-size: 16px; font-weight: bold;
                 margin: 12px 0 4px; text-indent: 2em; }
            p { margin: 0 0 6px; text-indent: 2em; text-align: justify; }
            p.note, p.closing { text-indent: 0; font-size: 13px; }
            p.closing { margin-top: 28px; color: #333; border-top: 1px solid #999; padding-top: 6px; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4px 0 10px;
                    font-size: 13px; line-height: 1.4; -fs-table-paginate: paginate; }
            table.part4 { font-size: 12px; }
            th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; text-align: center;
                     font-weight: normal; word-wrap: break-word; overflow-wrap: break-word; }
            td.label, th.label { text-align: left; }
            tr { page-break-inside: avoid; }
            h2.new-page { page-break-before: always; }
            @media print { .report { max-width: none; padding: 0; font-size: 12pt; }
                           h1 { font-size: 18pt; } h2, h3 { font-size: 12.5pt; }
                           table { font-size: 9pt; } table.part4 { font-size: 8pt; }
                           p.note, p.closing { font-size: 9pt; } }
            """;

    private static void paragraphs(StringBuilder html, List<String> paragraphs) {
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
    }

    private static void table(StringBuilder html, OfficialTable table, String cssClass) {
        html.append("<table class=\"").append(cssClass).append("\">\n<colgroup>");
        for (int width : table.columnWidths()) {
            html.append("<col style=\"width:").append(width).append("%\"/>");
        }
        html.append("</colgroup>\n");
        int r = 0;
        if (table.headerRows() > 0) {
            html.append("<thead>\n");
            for (; r < table.headerRows(); r++) {
                row(html, table.rows().get(r));
            }
            html.append("</thead>\n");
        }
        html.append("<tbody>\n");
        for (; r < table.rows().size(); r++) {
            row(html, table.rows().get(r));
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder html, List<OfficialTable.Cell> cells) {
        html.append("<tr>");
        for (OfficialTable.Cell cell : cells) {
            String tag = cell.header() ? "th" : "td";
            html.append('<').append(tag);
            if (cell.rowSpan() > 1) {
                html.append(" rowspan=\"").append(cell.rowSpan()).append('"');
            }
            if (cell.columnSpan() > 1) {
                html.append(" colspan=\"").append(cell.columnSpan()).append('"');
            }
            if (cell.leftAligned()) {
                html.append(" class=\"label\"");
            }
            html.append('>');
            List<String> phrases = cell.phrases();
            for (int i = 0; i < phrases.size(); i++) {
                html.append(i > 0 ? "<br/>" : "").append(escape(phrases.get(i)));
            }
            html.append("</").append(tag).append('>');
        }
        html.append("</tr>\n");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // XML 1.0 allows no control characters but tab, newline and carriage return
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        escaped.append(ch);
                    }
                }
            }
        }
        return escaped.toString();
    }

    // ---------------------------------------------------------------- PDF

    /** The HTML page printed on A4, with the CJK font embedded as a subset. */
    public static byte[] pdf(ReportDocument report) {
        return Pdf.fromXhtml(html(report));
    }

    // ---------------------------------------------------------------- DOCX

    /** The report as a Word document. */
    public static byte[] docx(ReportDocument report) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(report.title());
            Docx.defaults(document, Docx.FANG_SONG, 16);
            Docx.a4(document, 37, 35, 28, 26);

            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(400);
            Docx.run(title, report.title(), Docx.SONG, 22, true);

            heading(document, PART1);
            for (ReportDocument.Section section : report.part1()) {
                XWPFParagraph sub = body(document);
                Docx.run(sub, section.heading(), Docx.KAI, 16, false);
                paragraphs(document, section.paragraphs());
            }
            List<OfficialTable> tables = tables(report);
            heading(document, Part2Layout.TITLE);
            table(document, tables.get(0), 10.5);
            Part2Layout.feeNote2019(report).ifPresent(note ->
                    Docx.run(document.createParagraph(), note, Docx.FANG_SONG, 12, false));
            heading(document, PART3);
            table(document, tables.get(1), 9);
            heading(document, PART4);
            table(document, tables.get(2), 9);
            heading(document, PART5);
            paragraphs(document, report.part5());
            heading(document, PART6);
            paragraphs(document, report.part6());
            XWPFParagraph closing = document.createParagraph();
            closing.setSpacingBefore(400);
            Docx.run(closing, closingLine(report), Docx.FANG_SONG, 10.5, false);

            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report document failed", e);
        }
    }

    private static void heading(XWPFDocument document, String text) {
        XWPFParagraph paragraph = body(document);
        paragraph.setSpacingBefore(240);
        paragraph.setKeepNext(true);
        Docx.run(paragraph, text, Docx.HEI, 16, false);
    }

    private static void paragraphs(XWPFDocument document, List<String> paragraphs) {
        for (String text : paragraphs) {
            Docx.run(body(document), text, Docx.FANG_SONG, 16, false);
        }
    }

    /** A body paragraph: first line indented by two characters (of 16 pt), justified, 28 pt line spacing. */
    private static XWPFParagraph body(XWPFDocument document) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(640);
        paragraph.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        return paragraph;
    }

    /**
     * A table from its official layout: the grid columns at their widths, every cell where the layout puts it,
     * spans as {@code w:gridSpan} and {@code w:vMerge} (a cell spanning rows continues as an empty merged cell
     * in each row below, with the same column span).
     */
    private static void table(XWPFDocument document, OfficialTable table, double points) {
        int columns = table.columns();
        long[] widths = new long[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Docx.twips(TEXT_WIDTH_MM * table.columnWidths().get(c) / 100.0);
        }
        List<List<Slot>> grid = slots(table);

        XWPFTable docxTable = document.createTable();
        docxTable.removeRow(0);
        var tblPr = docxTable.getCTTbl().getTblPr();
        tblPr.addNewTblLayout().setType(STTblLayoutType.FIXED);
        var width = tblPr.isSetTblW() ? tblPr.getTblW() : tblPr.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(Docx.twips(TEXT_WIDTH_MM)));
        docxTable.setTableAlignment(org.apache.poi.xwpf.usermodel.TableRowAlign.CENTER);
        var tblGrid = docxTable.getCTTbl().getTblGrid() != null ? docxTable.getCTTbl().getTblGrid()
                : docxTable.getCTTbl().addNewTblGrid();
        while (tblGrid.sizeOfGridColArray() > 0) {
            tblGrid.removeGridCol(0);
        }
        for (long w : widths) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        for (int r = 0; r < grid.size(); r++) {
            XWPFTableRow row = docxTable.insertNewTableRow(r);
            if (r < table.headerRows()) {
                row.setRepeatHeader(true);
            }
            row.setCantSplitRow(true);
            for (Slot slot : grid.get(r)) {
                XWPFTableCell cell = row.addNewTableCell();
                long cellWidth = 0;
                for (int c = slot.column(); c < slot.column() + slot.cell().columnSpan(); c++) {
                    cellWidth += widths[c];
                }
                Docx.width(cell, cellWidth);
                var tcPr = cell.getCTTc().getTcPr();
                if (slot.cell().columnSpan() > 1) {
                    tcPr.addNewGridSpan().setVal(BigInteger.valueOf(slot.cell().columnSpan()));
                }
                if (slot.cell().rowSpan() > 1) {
                    tcPr.addNewVMerge().setVal(slot.continuation() ? STMerge.CONTINUE : STMerge.RESTART);
                }
                tcPr.addNewVAlign().setVal(STVerticalJc.CENTER);
                XWPFParagraph paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph()
                        : cell.getParagraphs().get(0);
                paragraph.setAlignment(slot.cell().leftAligned() ? ParagraphAlignment.LEFT
                        : ParagraphAlignment.CENTER);
                paragraph.setSpacingAfter(0);
                paragraph.setSpacingBetween(1.0);
                if (!slot.continuation()) {
                    List<String> phrases = slot.cell().phrases();
                    for (int i = 0; i < phrases.size(); i++) {
                        var run = Docx.run(paragraph, phrases.get(i), Docx.SONG, points, false);
                        if (i < phrases.size() - 1) {
                            run.addBreak();
                        }
                    }
                }
            }
        }
        document.createParagraph();
    }

    /** A cell of a table row as Word holds it: where it starts and whether it continues a cell from above. */
    private record Slot(int column, OfficialTable.Cell cell, boolean continuation) {
    }

    /** Each row's cells left to right at their grid columns, the cells spanning down from above included. */
    private static List<List<Slot>> slots(OfficialTable table) {
        int rows = table.rows().size();
        int columns = table.columns();
        OfficialTable.Cell[][] covering = new OfficialTable.Cell[rows][columns];
        int[][] startRow = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            int c = 0;
            for (OfficialTable.Cell cell : table.rows().get(r)) {
                while (covering[r][c] != null) {
                    c++;
                }
                for (int dr = 0; dr < cell.rowSpan(); dr++) {
                    for (int dc = 0; dc < cell.columnSpan(); dc++) {
                        covering[r + dr][c + dc] = cell;
                        startRow[r + dr][c + dc] = r;
                    }
                }
                c += cell.columnSpan();
            }
        }
        List<List<Slot>> slots = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Slot> row = new ArrayList<>();
            for (int c = 0; c < columns; ) {
                OfficialTable.Cell cell = covering[r][c];
                row.add(new Slot(c, cell, startRow[r][c] != r));
                c += cell.columnSpan();
            }
            slots.add(row);
        }
        return slots;
    }
}
