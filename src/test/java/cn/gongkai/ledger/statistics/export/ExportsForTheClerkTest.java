package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.TableRow;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What issue 13 item 8 found wrong in the exports, each checked where a clerk would see it. */
class ExportsForTheClerkTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();

    private static ExportedTables withStatus() {
        ExportedTables seed = SeedReport.tables();
        return new ExportedTables(seed.agencyId(), seed.agencyName(), seed.year(), seed.part3(), seed.part4(),
                seed.reconciliationFailures(), Instant.parse("2022-01-10T02:00:00Z"),
                new ExportedTables.PublishedVersion(2, Instant.parse("2022-01-20T01:30:00Z")));
    }

    @Test
    void theWorkbookIsInSongTiItselfWithTheLongLabelsBrokenBetweenPhrasesAndTheStatusLines() throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(exporter.toXlsx(withStatus())))) {
            for (int i = 0; i < workbook.getNumberOfFonts(); i++) {
                var font = workbook.getFontAt(i);
                assertThat(font.getFontName()).isEqualTo("宋体");
                assertThat(font.getScheme()).isEqualTo(FontScheme.NONE);
                assertThat(font.getCharSet()).isEqualTo(134);
            }
            assertThat(workbook.getSheetName(1)).isEqualTo("四、政府信息公开行政复议、行政诉讼情况");
            var sheet = workbook.getSheetAt(0);
            int row = XlsxExport.TABLE_TOP + OfficialLayout.PART3_HEADER_ROWS + TableRow.OTHER_FEE_NOT_PAID.ordinal();
            assertThat(sheet.getRow(row).getCell(2).getStringCellValue())
                    .isEqualTo("2.申请人逾期未按收费通知要求缴纳费用、\n行政机关不再处理其政府信息公开申请");
            float oneLine = sheet.getRow(row + 1).getHeightInPoints();
            assertThat(sheet.getRow(row).getHeightInPoints()).isGreaterThanOrEqualTo(2 * oneLine - 5);
            StringBuilder text = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> text.append(c.toString()).append('|')));
            assertThat(text).contains("数据截至：2022年1月10日 10:00（北京时间）").contains("公布版本：第2版，2022年1月20日公布");
        }
    }

    @Test
    void theHtmlFragmentSetsColumnWidthsAndStatesItsStatusAndTheSavedFileItsCharset() {
        String html = exporter.toHtml(withStatus());
        assertThat(html).contains("table-layout:fixed")
                .contains("<colgroup><col style=\"width:5%\"/><col style=\"width:8%\"/><col style=\"width:31%\"/>")
                .contains("数据截至：2022年1月10日 10:00（北京时间）");
        byte[] file = exporter.export(withStatus(), ExportFormat.HTML).content();
        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(exporter.toHtml(SeedReport.tables())).doesNotContain("数据截至");
    }

    @Test
    void theJsonNamesTheNationalFormatAndItsVersion() {
        var document = exporter.readJson(exporter.toJson(SeedReport.tables()));
        assertThat(document.format()).isEqualTo("国办公开办函〔2021〕30号");
        assertThat(document.formatVersion()).isEqualTo("2021");
        assertThat(document.document()).isEqualTo("gongkai-ledger/annual-tables/v1");
    }
}
