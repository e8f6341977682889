package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnualTablesCsvTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();

    @Test
    void startsWithAUtf8ByteOrderMarkAndEndsEveryLineWithCrlf() {
        byte[] csv = exporter.toCsv(SeedReport.tables());

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = text(csv);
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void printsTheTitleAndTheHeaderOfPart3() {
        List<String> lines = lines(exporter.toCsv(SeedReport.tables()));

        assertThat(lines.get(0)).startsWith("驻马店经济开发区管委会2021年政府信息公开工作年度报告,");
        int part3 = lines.indexOf(padded("三、收到和处理政府信息公开申请情况"));
        assertThat(part3).isPositive();
        assertThat(lines.get(part3 + 1)).startsWith(SeedReport.NOTE + ",,,申请人情况,,,,,,,");
        assertThat(lines.get(part3 + 2)).startsWith(",,,自然人,法人或其他组织,,,,,总计,");
        assertThat(lines.get(part3 + 3)).startsWith(",,,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计,");
    }

    @Test
    void printsEachRowWithItsLabelsAndSevenNumbers() {
        List<String> lines = lines(exporter.toCsv(SeedReport.tables()));

        assertThat(lines).contains(
                padded("一、本年新收政府信息公开申请数量,,,6,0,0,0,0,0,6"),
                padded("二、上年结转政府信息公开申请数量,,,0,0,0,0,0,0,0"),
                padded("三、本年度办理结果,(一) 予以公开,,1,0,0,0,0,0,1"),
                padded("三、本年度办理结果,\"(二) 部分公开(区分处理的,只计这一情形,不计其他情形)\",,4,0,0,0,0,0,4"),
                padded("三、本年度办理结果,(三) 不予公开,1.属于国家秘密,0,0,0,0,0,0,0"),
                padded("三、本年度办理结果,(六) 其他处理,3.其他,0,0,0,0,0,0,0"),
                padded("三、本年度办理结果,(七) 总计,,5,0,0,0,0,0,5"),
                padded("四、结转下年度继续办理,,,1,0,0,0,0,0,1"));
        for (String label : SeedReport.OFFICIAL_ROW_LABELS) {
            assertThat(lines).as(label).anyMatch(line -> line.contains(label));
        }
    }

    @Test
    void everyPart3NumberStandsInItsRowAndColumn() {
        List<String> lines = lines(exporter.toCsv(SeedReport.distinctNumbers(true, List.of())));
        int first = lines.indexOf(padded("三、收到和处理政府信息公开申请情况")) + 4;

        for (TableRow row : TableRow.values()) {
            String[] fields = fields(lines.get(first + row.ordinal()));
            for (TableColumn column : TableColumn.values()) {
                assertThat(fields[3 + column.ordinal()]).as(row + "/" + column)
                        .isEqualTo(Long.toString(SeedReport.distinct(row, column)));
            }
        }
    }

    @Test
    void printsPart4InTheOfficialLayout() {
        List<String> lines = lines(exporter.toCsv(SeedReport.tables()));

        int part4 = lines.indexOf("四、政府信息公开行政复议、行政诉讼情况,,,,,,,,,,,,,,");
        assertThat(part4).isPositive();
        assertThat(lines.subList(part4 + 1, part4 + 5)).containsExactly(
                "行政复议,,,,,行政诉讼,,,,,,,,,",
                "结果维持,结果纠正,其他结果,尚未审结,总计,未经复议直接起诉,,,,,复议后起诉,,,,",
                "结果维持,结果纠正,其他结果,尚未审结,总计,结果维持,结果纠正,其他结果,尚未审结,总计,"
                        + "结果维持,结果纠正,其他结果,尚未审结,总计",
                "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");
    }

    @Test
    void statesAnOpenYearAndFailedChecksAboveTheTables() {
        List<String> lines = lines(exporter.toCsv(SeedReport.distinctNumbers(false, List.of("总计列不等于各列之和"))));

        assertThat(lines.subList(1, 4)).containsExactly(
                padded("注：2021年度统计尚未截止，表中为截至导出时的数据。"),
                padded("勾稽关系核对未通过，请核实后再公开："),
                padded("　　总计列不等于各列之和"));
    }

    @Test
    void quotesFieldsAsRfc4180AndDefusesFormulas() {
        assertThat(CsvExport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvExport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvExport.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvExport.field("自然人")).isEqualTo("自然人");
    }

    private static String text(byte[] csv) {
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    private static List<String> lines(byte[] csv) {
        return List.of(text(csv).split("\r\n"));
    }

    /** Every line is as wide as the widest table (part 四, 15 columns). */
    private static String padded(String line) {
        return line + ",".repeat(15 - fields(line).length);
    }

    /** Splits at the commas outside quotes. */
    private static String[] fields(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    }
}
