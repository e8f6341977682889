package cn.gongkai.ledger.report.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.report.ReportDocument;
import cn.gongkai.ledger.report.TemplateVersion;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final String TITLE = "驻马店经济开发区管委会2021年政府信息公开工作年度报告";

    /** The renderings are also written to target/report-document, to be looked at (pdftoppm, LibreOffice). */
    private static final Path OUT = Path.of("target", "report-document");

    @Test
    void theHtmlPageHasTheTitleTheSixPartsInOrderAndTheSeedFiguresInTheirCells() throws Exception {
        String html = ReportRendering.html(SeedReportDocument.report());
        write("annual-report-2021.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Xhtml page = Xhtml.parse(html);
        assertThat(page.attributes("meta", "charset")).containsExactly("UTF-8");
        assertThat(page.texts("title")).containsExactly(TITLE);
        assertThat(page.texts("h1")).containsExactly(TITLE);
        assertThat(page.texts("h2")).containsExactlyElementsOf(ReportRendering.PART_HEADINGS);
        var tables = page.tables();
        assertThat(tables).hasSize(3);
        assertThat(rowTexts(tables.get(0))).contains(List.of("规章", "0", "0", "0"),
                List.of("行政规范性文件", "2", "66", "61"), List.of("行政许可", "124"), List.of("行政处罚", "0"),
                List.of("行政强制", "0"), List.of("行政事业性收费", "1165.5066"));
        assertThat(rowTexts(tables.get(1))).contains(
                List.of("一、本年新收政府信息公开申请数量", "6", "0", "0", "0", "0", "0", "6"),
                List.of("三、本年度办理结果", "(一) 予以公开", "1", "0", "0", "0", "0", "0", "1"),
                List.of("(二) 部分公开(区分处理的,只计这一情形,不计其他情形)", "4", "0", "0", "0", "0", "0", "4"),
                List.of("(七) 总计", "5", "0", "0", "0", "0", "0", "5"),
                List.of("四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1"));
        assertThat(html).containsOnlyOnce("<colgroup><col style=\"width:5%\"/><col style=\"width:8%\"/><col style=\"width:31%\"/>");
        assertThat(rowTexts(tables.get(2)).get(3)).hasSize(15).containsOnly("0");
        assertThat(page.text()).contains("2021年度开发区管委会未收取信息处理费")
                .contains("数据截至2022年1月10日 10:00（北京时间）；第1版，2022年1月20日公布");
    }

    @Test
    void theDocxHasTheTitleTheSixPartsInOrderTheTablesCellByCellAndEastAsianFonts() throws Exception {
        byte[] docx = ReportRendering.docx(SeedReportDocument.report());
        write("annual-report-2021.docx", docx);

        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> paragraphs = document.getParagraphs().stream().map(p -> p.getText()).toList();
            assertThat(paragraphs.get(0)).isEqualTo(TITLE);
            assertThat(paragraphs.stream().filter(ReportRendering.PART_HEADINGS::contains).toList())
                    .containsExactlyElementsOf(ReportRendering.PART_HEADINGS);
            assertThat(document.getParagraphs().get(0).getRuns().get(0).getCTR().getRPr().getRFontsArray(0)
                    .getEastAsia()).isEqualTo("宋体");

            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSize(3);
            assertThat(docxRows(tables.get(0))).contains(List.of("规章", "0", "0", "0"),
                    List.of("行政规范性文件", "2", "66", "61"), List.of("行政许可", "124"),
                    List.of("行政事业性收费", "1165.5066"));
            assertThat(docxRows(tables.get(1))).contains(
                    List.of("一、本年新收政府信息公开申请数量", "6", "0", "0", "0", "0", "0", "6"),
                    List.of("三、本年度办理结果", "(一) 予以公开", "1", "0", "0", "0", "0", "0", "1"),
                    List.of("", "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)", "4", "0", "0", "0", "0", "0", "4"),
                    List.of("四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1"));
            var corner = tables.get(1).getRow(0).getCell(0).getCTTc().getTcPr();
            assertThat(corner.getGridSpan().getVal().intValue()).isEqualTo(3);
            assertThat(tables.get(1).getRow(1).getCell(0).getCTTc().getTcPr().getVMerge()).isNotNull();
            assertThat(tables.get(2).getRow(3).getTableCells()).hasSize(15);
        }
    }

    @Test
    void thePdfHasTheTextOfTheReportInOrderAndItsFontEmbedded() throws Exception {
        byte[] pdf = ReportRendering.pdf(SeedReportDocument.report());
        write("annual-report-2021.pdf", pdf);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = pdfText(document);
            assertThat(text).contains(TITLE);
            int at = text.indexOf(TITLE);
            for (String heading : ReportRendering.PART_HEADINGS) {
                int next = text.indexOf(heading, at);
                assertThat(next).as(heading).isGreaterThan(at);
                at = next;
            }
            assertThat(text).contains("行政规范性文件 2 66 61").contains("行政事业性收费 1165.5066")
                    .contains("一、本年新收政府信息公开申请数量 6 0 0 0 0 0 6")
                    .contains("(一) 予以公开 1 0 0 0 0 0 1")
                    .contains("四、结转下年度继续办理 1 0 0 0 0 0 1");
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = (PDType0Font) page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                }
            }
        }
    }

    @Test
    void the2019LayoutPrintsOneOtherHandlingRowWithTheSumOfTheThreeAndTheOlderPart2() throws Exception {
        Part3Table part3 = Part3Table.builder(SeedReportDocument.AGENCY, 2021, true)
                .set(TableRow.OTHER_CORRECTION_NOT_SUBMITTED, TableColumn.NATURAL_PERSON, 2)
                .set(TableRow.OTHER_FEE_NOT_PAID, TableColumn.NATURAL_PERSON, 1)
                .set(TableRow.OTHER_OTHER, TableColumn.NATURAL_PERSON, 4)
                .set(TableRow.OTHER_OTHER, TableColumn.COMMERCIAL_ENTERPRISE, 1)
                .set(TableRow.OTHER_CORRECTION_NOT_SUBMITTED, TableColumn.TOTAL, 2)
                .set(TableRow.OTHER_FEE_NOT_PAID, TableColumn.TOTAL, 1)
                .set(TableRow.OTHER_OTHER, TableColumn.TOTAL, 5)
                .build();
        ReportDocument report = SeedReportDocument.report(TemplateVersion.FORMAT_2019, part3);

        String html = ReportRendering.html(report);
        write("annual-report-2021-format-2019.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var tables = Xhtml.parse(html).tables();
        List<List<String>> part3Rows = rowTexts(tables.get(1));
        assertThat(part3Rows).contains(List.of("(六) 其他处理", "7", "1", "0", "0", "0", "0", "8"));
        assertThat(html).doesNotContain("申请人无正当理由逾期不补正").doesNotContain("3.其他");
        assertThat(part3Rows).hasSize(ReportRenderingTest.part3RowCount2021() - 2);
        assertThat(rowTexts(tables.get(0))).contains(List.of("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
                List.of("规范性文件", "2", "", "61"), List.of("其他对外管理服务事项", "", "", ""),
                List.of("行政许可", "", "", "124"), List.of("政府集中采购", "", ""));
        assertThat(html).contains("本年行政事业性收费金额为1165.5066万元");

        byte[] docx = ReportRendering.docx(report);
        write("annual-report-2021-format-2019.docx", docx);
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(docxRows(document.getTables().get(1)))
                    .contains(List.of("", "(六) 其他处理", "7", "1", "0", "0", "0", "0", "8"));
        }
        byte[] pdf = ReportRendering.pdf(report);
        write("annual-report-2021-format-2019.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(pdfText(document)).contains("(六) 其他处理 7 1 0 0 0 0 8");
        }
    }

    /** The PDF's text with each line break dropped (a wrapped label is whole again) and spaces kept single. */
    private static String pdfText(PDDocument document) throws Exception {
        return new PDFTextStripper().getText(document).replaceAll("[ \\t]*\\R(?=[0-9])", " ")
                .replaceAll("[ \\t]*\\R", "").replaceAll("[ \\t]+", " ");
    }

    private static int part3RowCount2021() {
        return rowTexts(Xhtml.parse(ReportRendering.html(SeedReportDocument.report())).tables().get(1)).size();
    }

    private static List<List<String>> rowTexts(org.w3c.dom.Element table) {
        return Xhtml.rows(table);
    }

    private static List<List<String>> docxRows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (var row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(cell -> cell.getText()).toList());
        }
        return rows;
    }

    private static void write(String name, byte[] content) throws Exception {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name), content);
    }
}
