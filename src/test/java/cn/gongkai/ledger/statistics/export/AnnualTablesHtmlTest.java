package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Table;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class AnnualTablesHtmlTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();

    @Test
    void part3HeaderSpansLikeTheOfficialTable() {
        String html = exporter.toHtml(SeedReport.tables());

        assertThat(html).containsPattern(cell("th", "rowspan=\"3\" colspan=\"3\"", SeedReport.NOTE));
        assertThat(html).containsPattern(cell("th", "colspan=\"7\"", "申请人情况"));
        assertThat(html).containsPattern(cell("th", "rowspan=\"2\"", "自然人"));
        assertThat(html).containsPattern(cell("th", "colspan=\"5\"", "法人或其他组织"));
        assertThat(html).containsPattern(cell("th", "rowspan=\"2\"", "总计"));
        assertThat(html).containsPattern(cell("th", null, "社会公益组织"));
    }

    @Test
    void part3LabelsSpanLikeTheOfficialTable() {
        String html = exporter.toHtml(SeedReport.tables());

        assertThat(html).containsPattern(cell("td", "colspan=\"3\"", "一、本年新收政府信息公开申请数量"));
        assertThat(html).containsPattern(cell("td", "colspan=\"3\"", "二、上年结转政府信息公开申请数量"));
        assertThat(html).containsPattern(cell("td", "rowspan=\"22\"", "三、本年度办理结果"));
        assertThat(html).containsPattern(cell("td", "colspan=\"2\"", "(一) 予以公开"));
        assertThat(html).containsPattern(cell("td", "colspan=\"2\"", "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)"));
        assertThat(html).containsPattern(cell("td", "rowspan=\"8\"", "(三) 不予公开"));
        assertThat(html).containsPattern(cell("td", "rowspan=\"3\"", "(四) 无法提供"));
        assertThat(html).containsPattern(cell("td", "rowspan=\"5\"", "(五) 不予处理"));
        assertThat(html).containsPattern(cell("td", "rowspan=\"3\"", "(六) 其他处理"));
        assertThat(html).containsPattern(cell("td", "colspan=\"2\"", "(七) 总计"));
        assertThat(html).containsPattern(cell("td", "colspan=\"3\"", "四、结转下年度继续办理"));
        for (String label : SeedReport.OFFICIAL_ROW_LABELS) {
            assertThat(html).contains(">" + label + "<");
        }
    }

    @Test
    void part4SpansLikeTheOfficialTable() {
        String html = exporter.toHtml(SeedReport.tables());

        assertThat(html).containsPattern(cell("th", "colspan=\"5\"", "行政复议"));
        assertThat(html).containsPattern(cell("th", "colspan=\"10\"", "行政诉讼"));
        assertThat(html).containsPattern(cell("th", "colspan=\"5\"", "未经复议直接起诉"));
        assertThat(html).containsPattern(cell("th", "colspan=\"5\"", "复议后起诉"));
        assertThat(Pattern.compile(cell("th", "rowspan=\"2\"", "结果维持")).matcher(html).results().count())
                .isEqualTo(1);
        assertThat(Pattern.compile(cell("th", null, "结果维持")).matcher(html).results().count()).isEqualTo(2);
    }

    @Test
    void bothTablesAreRectangularWithTheSeedNumbersInPlace() throws Exception {
        Document page = parse(exporter.toHtml(SeedReport.tables()));
        NodeList tables = page.getElementsByTagName("table");
        assertThat(tables.getLength()).isEqualTo(2);

        String[][] part3 = unspan((Element) tables.item(0));
        assertThat(part3).hasNumberOfRows(28);
        assertThat(List.of(part3)).allSatisfy(row -> assertThat(row).hasSize(10).doesNotContainNull());
        int received = 3 + TableRow.RECEIVED.ordinal();
        assertThat(part3[received]).containsExactly("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量",
                "一、本年新收政府信息公开申请数量", "6", "0", "0", "0", "0", "0", "6");
        int stateSecret = 3 + TableRow.WITHHELD_STATE_SECRET.ordinal();
        assertThat(part3[stateSecret]).startsWith("三、本年度办理结果", "(三) 不予公开", "1.属于国家秘密", "0");
        assertThat(part3[3 + TableRow.RESOLVED_TOTAL.ordinal()][3 + TableColumn.TOTAL.ordinal()]).isEqualTo("5");
        assertThat(part3[3 + TableRow.CARRIED_FORWARD.ordinal()][3]).isEqualTo("1");

        String[][] part4 = unspan((Element) tables.item(1));
        assertThat(part4).hasNumberOfRows(4);
        assertThat(List.of(part4)).allSatisfy(row -> assertThat(row).hasSize(15).doesNotContainNull());
        assertThat(part4[3]).containsOnly("0");
    }

    @Test
    void everyNumberStandsInItsRowAndColumn() throws Exception {
        NodeList tables = parse(exporter.toHtml(SeedReport.distinctNumbers(true, List.of())))
                .getElementsByTagName("table");

        String[][] part3 = unspan((Element) tables.item(0));
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                assertThat(part3[3 + row.ordinal()][3 + column.ordinal()]).as(row + "/" + column)
                        .isEqualTo(Long.toString(SeedReport.distinct(row, column)));
            }
        }
        String[][] part4 = unspan((Element) tables.item(1));
        for (DisputeGroup group : DisputeGroup.values()) {
            for (DisputeColumn column : DisputeColumn.values()) {
                assertThat(part4[3][group.ordinal() * 5 + column.ordinal()]).as(group + "/" + column)
                        .isEqualTo(Long.toString(SeedReport.distinct(group, column)));
            }
        }
    }

    @Test
    void escapesAllText() {
        ExportedTables tables = new ExportedTables(SeedReport.AGENCY, "<script>alert('x')</script> & Co", SeedReport.YEAR,
                SeedReport.part3(), Part4Table.empty(SeedReport.AGENCY, SeedReport.YEAR),
                List.of("\"总计\" < 各列之和"));

        String html = exporter.toHtml(tables);

        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co2021年政府信息公开工作年度报告")
                .contains("&quot;总计&quot; &lt; 各列之和");
    }

    @Test
    void startsWithTheTitleAndWarnsOfAnOpenYear() {
        String open = exporter.toHtml(SeedReport.distinctNumbers(false, List.of()));
        String closed = exporter.toHtml(SeedReport.tables());

        assertThat(closed).contains(">驻马店经济开发区管委会2021年政府信息公开工作年度报告<")
                .doesNotContain("尚未截止");
        assertThat(open).contains("注：2021年度统计尚未截止，表中为截至导出时的数据。");
    }

    /** A regex for one cell with exactly the given span attributes (or none) and text. */
    private static String cell(String tag, String spans, String text) {
        return "<" + tag + (spans == null ? "" : " " + Pattern.quote(spans)) + " style=\"[^\"]*\">"
                + Pattern.quote(text) + "</" + tag + ">";
    }

    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(html)));
    }

    /** The table as a plain grid: every cell's text copied into each position it spans. */
    private static String[][] unspan(Element table) {
        NodeList rows = table.getElementsByTagName("tr");
        List<String[]> grid = new ArrayList<>();
        for (int r = 0; r < rows.getLength(); r++) {
            grid.add(new String[0]);
        }
        for (int r = 0; r < rows.getLength(); r++) {
            int c = 0;
            NodeList cells = ((Element) rows.item(r)).getChildNodes();
            for (int i = 0; i < cells.getLength(); i++) {
                if (!(cells.item(i) instanceof Element cell)) {
                    continue;
                }
                while (c < grid.get(r).length && grid.get(r)[c] != null) {
                    c++;
                }
                int rowSpan = span(cell, "rowspan");
                int columnSpan = span(cell, "colspan");
                for (int dr = 0; dr < rowSpan; dr++) {
                    for (int dc = 0; dc < columnSpan; dc++) {
                        String[] line = grid.get(r + dr);
                        if (line.length <= c + dc) {
                            line = Arrays.copyOf(line, c + dc + 1);
                            grid.set(r + dr, line);
                        }
                        assertThat(line[c + dc]).as("overlap at %d,%d", r + dr, c + dc).isNull();
                        line[c + dc] = cell.getTextContent();
                    }
                }
                c += columnSpan;
            }
        }
        return grid.toArray(String[][]::new);
    }

    private static int span(Element cell, String attribute) {
        String value = cell.getAttribute(attribute);
        return value.isEmpty() ? 1 : Integer.parseInt(value);
    }
}
