package cn.gongkai.ledger.report;

import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.publishing.TopicReader;
import cn.gongkai.ledger.requests.RequestJson;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.PublishedReport;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Builds the whole 2021 report of 驻马店经济开发区管委会 through the API — the six applications of the seed
 * report, its part 二 as staff enter it, the service's first draft and the sections staff write — publishes it,
 * and compares parts 二, 三 and 四 of the published document with the seed report cell by cell.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=seed-annual-report")
class SeedAnnualReportIT {

    private static final String SEED = "/seed/zhumadian-edz-2021-annual-report.txt";

    Api api;

    @Autowired
    AnnualReports reports;

    @Test
    void theSeedReportsDocumentComesOutOfTheEventsAndEqualsThePublishedOne() {
        String disclosed = register(api, LocalDate.of(2021, 3, 8));
        conclude(api, disclosed, "DISCLOSED", LocalDate.of(2021, 3, 25));
        for (int i = 0; i < 4; i++) {
            String partly = register(api, LocalDate.of(2021, 5 + i, 10));
            conclude(api, partly, "PARTIALLY_DISCLOSED", LocalDate.of(2021, 5 + i, 28));
        }
        String open = register(api, LocalDate.of(2021, 12, 20));
        Response close = api.post("head-kaifaqu", "/api/statistics/2021/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("handler-kaifaqu", "/api/requests/" + open)
                .json().get("carriedForwardFrom").size() == 1);

        Response part2 = api.put("handler-kaifaqu", "/api/reports/2021/part2", """
                {"figures": {
                  "REGULATIONS_ISSUED": {"value": "0"}, "REGULATIONS_REPEALED": {"value": "0"},
                  "REGULATIONS_IN_FORCE": {"value": "0"},
                  "NORMATIVE_DOCUMENTS_ISSUED": {"value": "2"},
                  "NORMATIVE_DOCUMENTS_REPEALED": {"value": "66", "source": "依据清理结果"},
                  "NORMATIVE_DOCUMENTS_IN_FORCE": {"value": "61", "source": "依据清理结果"},
                  "LICENSING": {"value": "124"}, "PENALTIES": {"value": "0"}, "ENFORCEMENT": {"value": "0"},
                  "FEES": {"value": "1165.5066", "source": "驻马店经济开发区财政局提供"}}}""");
        assertThat(part2.status()).as(part2.toString()).isEqualTo(200);
        assertThat(part2.json().get("figures").get("FEES").get("value").asText()).isEqualTo("1165.5066");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                reports.current("kaifaqu", 2021, TemplateVersion.FORMAT_2021).part3()
                        .cell(TableRow.RESOLVED_TOTAL, TableColumn.TOTAL)).isEqualTo(5));
        Response draft = api.post("handler-kaifaqu", "/api/reports/2021/prose/first-draft", "");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        for (String section : List.of("PART1_MANAGEMENT", "PART1_PLATFORMS", "PART1_SUPERVISION", "PART5")) {
            Response saved = api.put("handler-kaifaqu", "/api/reports/2021/prose/" + section, """
                    {"text": "开发区管委会持续深化门户网站信息发布审核关，做到编审分离。", "note": "首稿"}""");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }

        JsonNode gate = api.get("head-kaifaqu", "/api/reports/2021/gate").json();
        List<String> rules = new ArrayList<>();
        gate.get("findings").forEach(f -> rules.add(f.get("rule").asText() + "/" + f.get("severity").asText()));
        assertThat(rules).containsExactlyInAnyOrder("Part2RollForwardCheckable/WARNING",
                "Part2RollForwardCheckable/WARNING");
        Response refused = api.post("head-kaifaqu", "/api/reports/2021/publications", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("rule").asText()).isEqualTo("Part2RollForwardCheckable");
        for (JsonNode finding : gate.get("findings")) {
            Response acknowledged = api.post("head-kaifaqu", "/api/reports/2021/gate/acknowledgements", """
                    {"findingKey": "%s", "explanation": "2020年度数据未录入本系统，现行有效件数依据清理结果"}"""
                    .formatted(finding.get("key").asText()));
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        }

        Response published = api.post("head-kaifaqu", "/api/reports/2021/publications", "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        // read-your-writes: a 503 (the tables not yet at the publication's position) says to retry shortly
        Response diff = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("auditor-kaifaqu", "/api/statistics/2021/publication-diff",
                        "X-Consistent-After", published.header("X-Event-Position")), answer -> answer.status() != 503);
        assertThat(diff.status()).as("the report's publication records the tables as published too: " + diff)
                .isEqualTo(200);
        assertThat(diff.json().get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(diff.json().get("unchanged").asBoolean()).isTrue();
        Response version1 = api.get("auditor-kaifaqu", "/api/reports/2021/publications/1");
        assertThat(version1.status()).isEqualTo(200);
        ReportDocument document = reports.published("kaifaqu", 2021, 1).orElseThrow();
        assertThat(document.title()).isEqualTo("驻马店经济开发区管委会2021年政府信息公开工作年度报告");
        assertThat(document.publication().orElseThrow().publishedBy()).isEqualTo("head-kaifaqu");

        Map<String, String> seedPart2 = seedPart2();
        Map<String, String> ourPart2 = new LinkedHashMap<>();
        ReportDocument.Part2 p2 = document.part2();
        ourPart2.put("规章", p2.regulations().issued().orElseThrow() + "/" + p2.regulations().repealed().orElseThrow()
                + "/" + p2.regulations().inForce().orElseThrow());
        ourPart2.put("行政规范性文件", p2.normativeDocuments().issued().orElseThrow() + "/"
                + p2.normativeDocuments().repealed().orElseThrow() + "/" + p2.normativeDocuments().inForce().orElseThrow());
        ourPart2.put("行政许可", String.valueOf(p2.licensing().orElseThrow()));
        ourPart2.put("行政处罚", String.valueOf(p2.penalties().orElseThrow()));
        ourPart2.put("行政强制", String.valueOf(p2.enforcement().orElseThrow()));
        ourPart2.put("行政事业性收费", p2.feesInTenThousandYuan().orElseThrow().toPlainString());
        assertThat(ourPart2).isEqualTo(seedPart2);
        assertThat(seedPart2).containsEntry("行政规范性文件", "2/66/61").containsEntry("行政事业性收费", "1165.5066");

        Part3Table seedPart3 = PublishedReport.part3(SEED, "kaifaqu", 2021);
        List<String> differences = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            for (TableColumn column : TableColumn.values()) {
                if (document.part3().cell(row, column) != seedPart3.cell(row, column)) {
                    differences.add(row + "/" + column + ": ours " + document.part3().cell(row, column) + ", seed "
                            + seedPart3.cell(row, column));
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(document.part3().cell(TableRow.RECEIVED, TableColumn.TOTAL)).isEqualTo(6);
        List<Long> seedPart4 = seedPart4();
        List<Long> ourPart4 = new ArrayList<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            for (DisputeColumn column : DisputeColumn.values()) {
                ourPart4.add(document.part4().cell(group, column));
            }
        }
        assertThat(seedPart4).hasSize(15);
        assertThat(ourPart4).isEqualTo(seedPart4);

        assertThat(String.join("", document.part6())).contains("2021年度驻马店经济开发区管委会未收取信息处理费");
        String requests = String.join("", document.part1().get(1).paragraphs());
        assertThat(document.part1().get(1).heading()).isEqualTo("（二）依申请公开办理情况");
        assertThat(requests).contains("2021年，驻马店经济开发区管委会共收到6件政府信息公开申请",
                "办结5件，转下一年度办理1件，未发生因办理情况引起的行政复议和行政诉讼", "予以公开1件，部分公开4件");
        renderedThroughTheApi();
        announcedOnKafka();
    }

    /** The published version as the office downloads it: PDF with its font, DOCX and HTML, the six parts in order. */
    private void renderedThroughTheApi() {
        String title = "驻马店经济开发区管委会2021年政府信息公开工作年度报告";
        byte[] pdf = api.sendForBytes("auditor-kaifaqu", "/api/reports/2021/publications/1/document?format=PDF");
        try (org.apache.pdfbox.pdmodel.PDDocument read = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(read).replaceAll("\\s+", "");
            assertThat(text).contains(title, "未收取信息处理费", "1165.5066");
            assertThat(inOrder(text, "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] docx = api.sendForBytes("auditor-kaifaqu", "/api/reports/2021/publications/1/document?format=DOCX");
        try (org.apache.poi.xwpf.usermodel.XWPFDocument read =
                     new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             org.apache.poi.xwpf.extractor.XWPFWordExtractor extractor =
                     new org.apache.poi.xwpf.extractor.XWPFWordExtractor(read)) {
            assertThat(extractor.getText()).contains(title, "行政规范性文件", "办结5件");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response html = api.get("auditor-kaifaqu", "/api/reports/2021/document?format=HTML&template=2019");
        assertThat(html.status()).as(html.toString()).isEqualTo(200);
        assertThat(html.body()).contains(title, "国办公开办函〔2019〕60号");
    }

    private static boolean inOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            at = text.indexOf(part, at);
            if (at < 0) {
                return false;
            }
        }
        return true;
    }

    /** The published version as announced on Kafka: the frozen document, no applicant's personal data. */
    private static void announcedOnKafka() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<TopicReader.Message> messages = TopicReader.readAll(TestKafka.shared().bootstrapServers(),
                    "gongkai.annual-reports.v1").stream().filter(m -> "kaifaqu:2021".equals(m.key())).toList();
            assertThat(messages).isNotEmpty();
            JsonNode message = messages.getLast().json();
            assertThat(message.get("type").asText()).isEqualTo("cn.gongkai.ledger.annual-reports.AnnualReportPublished.v1");
            JsonNode data = message.get("data");
            assertThat(data.get("version").asInt()).isEqualTo(1);
            assertThat(data.get("document").get("part2").get("feesInTenThousandYuan").decimalValue())
                    .isEqualByComparingTo("1165.5066");
            assertThat(data.get("document").get("part3").get("cells").get("RECEIVED").get("TOTAL").asLong()).isEqualTo(6);
            for (String personal : RequestJson.DEMO_APPLICANT) {
                assertThat(messages.getLast().value()).doesNotContain(personal);
            }
        });
    }

    private static String seed() {
        try (InputStream in = SeedAnnualReportIT.class.getResourceAsStream(SEED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Part 二 of the seed as printed: item → figures joined by "/". */
    private static Map<String, String> seedPart2() {
        String text = seed();
        String part = text.substring(text.indexOf("二、主动公开政府信息情况"), text.indexOf("三、收到和处理政府信息公开申请情况"));
        Map<String, String> figures = new LinkedHashMap<>();
        for (String line : part.split("\n")) {
            String[] fields = line.strip().split("\t");
            if (fields.length >= 2 && fields[1].strip().matches("[\\d.]+")) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i < fields.length; i++) {
                    if (!fields[i].isBlank()) {
                        values.add(fields[i].strip());
                    }
                }
                figures.put(fields[0].strip(), String.join("/", values));
            }
        }
        return figures;
    }

    /** Part 四 of the seed: its 15 numbers in the official order. */
    private static List<Long> seedPart4() {
        String text = seed();
        String part = text.substring(text.indexOf("四、政府信息公开行政复议、行政诉讼情况"), text.indexOf("五、存在的主要问题"));
        List<Long> numbers = new ArrayList<>();
        for (String line : part.split("\n")) {
            String[] fields = line.strip().split("\t");
            if (fields.length == 15 && fields[0].matches("\\d+")) {
                for (String field : fields) {
                    numbers.add(Long.parseLong(field.strip()));
                }
            }
        }
        return numbers;
    }
}
