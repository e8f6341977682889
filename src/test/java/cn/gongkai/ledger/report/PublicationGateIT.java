package cn.gongkai.ledger.report;

import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The publication gate on a year built through the API to break every rule it can break there: each error
 * and each warning appears naming its cells, applications or sentence, and publishing is refused with the
 * rule's name until the error is fixed or the warning acknowledged. (A reconciliation failure cannot be made
 * through the API, the tables reconcile by construction: {@code PublicationGateTest} feeds one.)
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=report-gate")
class PublicationGateIT {

    private static final String REPORT = "/api/reports/2023";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void everyErrorBlocksUntilFixedAndEveryWarningUntilAcknowledged() {
        Api api = new Api(port);
        assertThat(rules(api)).contains("YearClosedBeforePublication/ERROR", "Part2Complete/ERROR", "ProseWritten/ERROR");
        assertThat(publish(api).json().get("rule").asText()).isEqualTo("YearClosedBeforePublication");

        String disputed = register(api, LocalDate.of(2023, 3, 1));
        conclude(api, disputed, "DISCLOSED", LocalDate.of(2023, 3, 20));
        ok(api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"2023-06-01"}""".formatted(disputed)), 201);
        String drafted = register(api, LocalDate.of(2023, 12, 20));
        ok(api.post("handler-kaifaqu", "/api/requests/" + drafted + "/answer-draft", """
                {"outcome":"DISCLOSED","legalBasis":"条例第三十六条","text":"答复","draftedOn":"2023-12-28"}"""), 200);
        String charged = register(api, LocalDate.of(2023, 12, 18));
        ok(api.post("handler-kaifaqu", "/api/requests/" + charged + "/fee-notice", """
                {"method":"ENTERED","amountFen":5000,"reason":"复制费","issuedOn":"2023-12-22","payableBy":"2024-01-10"}"""),
                200);
        String overdue = register(api, LocalDate.of(2023, 10, 9));

        ok(api.put("handler-kaifaqu", "/api/reports/2022/part2", """
                {"figures": {"REGULATIONS_IN_FORCE": {"value": "0"}, "NORMATIVE_DOCUMENTS_IN_FORCE": {"value": "10"}}}"""),
                200);
        ok(api.put("handler-kaifaqu", REPORT + "/part2", """
                {"figures": {
                  "REGULATIONS_ISSUED": {"value": "0"}, "REGULATIONS_REPEALED": {"value": "0"},
                  "REGULATIONS_IN_FORCE": {"value": "0"}, "NORMATIVE_DOCUMENTS_ISSUED": {"value": "2"},
                  "NORMATIVE_DOCUMENTS_REPEALED": {"value": "1"}, "NORMATIVE_DOCUMENTS_IN_FORCE": {"value": "20"},
                  "LICENSING": {"value": "3"}, "PENALTIES": {"value": "0"}, "ENFORCEMENT": {"value": "0"},
                  "FEES": {"value": "12.5"}}}"""), 200);
        Response tooPrecise = api.put("handler-kaifaqu", REPORT + "/part2/FEES", """
                {"value": "12.50001", "reason": "更正"}""");
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.body()).contains("value", "行政事业性收费");

        ok(api.post("handler-kaifaqu", REPORT + "/prose/first-draft", ""), 200);
        for (String section : List.of("PART1_MANAGEMENT", "PART1_PLATFORMS", "PART1_SUPERVISION", "PART5")) {
            ok(api.put("handler-kaifaqu", REPORT + "/prose/" + section, """
                    {"text": "加强政务公开工作人员培训。"}"""), 200);
        }
        String typed = "2023年，本机关共收到17件政府信息公开申请，未发生因办理情况引起的行政复议和行政诉讼。";
        ok(putProse(api, "PART1_REQUESTS", "1", typed), 200);
        Response stale = putProse(api, "PART1_REQUESTS", "1", "2023年，本机关共收到4件政府信息公开申请。");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);

        JsonNode beforeClose = api.get("head-kaifaqu", "/api/statistics/2023/close").json();
        assertThat(beforeClose.get("closed").asBoolean()).isFalse();
        List<String> checklist = new ArrayList<>();
        beforeClose.get("checklist").forEach(item -> checklist.add(item.get("rule").asText() + "/"
                + item.get("severity").asText()));
        assertThat(checklist).as("the gate shown before the close, less the close itself")
                .contains("Part2RollsForward/ERROR", "ProseFiguresMatchTables/ERROR")
                .doesNotContain("YearClosedBeforePublication/ERROR");

        Response close = api.post("head-kaifaqu", "/api/statistics/2023/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(drafted, charged, overdue).stream().allMatch(id ->
                api.get("handler-kaifaqu", "/api/requests/" + id).json().get("carriedForwardFrom").size() == 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(rules(api)).containsExactlyInAnyOrder(
                "Part2RollsForward/ERROR", "ProseFiguresMatchTables/ERROR", "ProseFiguresMatchTables/ERROR",
                "NoDraftAwaitingApprovalAtYearEnd/WARNING",
                "NoUnsettledFeeNotice/WARNING", "NoUndecidedDispute/WARNING",
                "NoOverdueApplicationWithoutExtension/WARNING"));
        JsonNode gate = api.get("auditor-kaifaqu", REPORT + "/gate").json();
        JsonNode received = finding(gate, "ProseFiguresMatchTables", "三.RECEIVED.TOTAL");
        assertThat(received.get("sentence").asText()).contains("共收到17件政府信息公开申请");
        assertThat(received.get("section").asText()).isEqualTo("PART1_REQUESTS");
        assertThat(received.get("messageZh").asText()).contains("收到17件", "一、本年新收政府信息公开申请数量", "（4）");
        assertThat(finding(gate, "ProseFiguresMatchTables", "四.RECONSIDERATION.TOTAL").get("messageZh").asText())
                .contains("未发生");
        assertThat(finding(gate, "Part2RollsForward", "二.NORMATIVE_DOCUMENTS_IN_FORCE").get("messageZh").asText())
                .contains("10", "11");
        assertThat(applications(finding(gate, "NoDraftAwaitingApprovalAtYearEnd", null))).containsExactly(number(api, drafted));
        assertThat(applications(finding(gate, "NoUnsettledFeeNotice", null))).containsExactly(number(api, charged));
        assertThat(applications(finding(gate, "NoOverdueApplicationWithoutExtension", null)))
                .containsExactly(number(api, overdue));
        assertThat(applications(finding(gate, "NoUndecidedDispute", null)).getFirst()).startsWith(number(api, disputed));
        assertThat(publish(api).json().get("rule").asText()).isEqualTo("Part2RollsForward");

        Response noReason = api.put("handler-kaifaqu", REPORT + "/part2/NORMATIVE_DOCUMENTS_IN_FORCE", """
                {"value": "11"}""");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("rule").asText()).isEqualTo("CorrectionNeedsReason");
        ok(api.put("handler-kaifaqu", REPORT + "/part2/NORMATIVE_DOCUMENTS_IN_FORCE", """
                {"value": "11", "reason": "按清理结果复核，现行有效应为11件"}"""), 200);
        Response proseBlocks = publish(api);
        assertThat(proseBlocks.json().get("rule").asText()).isEqualTo("ProseFiguresMatchTables");
        assertThat(proseBlocks.json().get("message").asText()).contains("共收到17件政府信息公开申请", "本年新收政府信息公开申请数量");

        ok(putProse(api, "PART1_REQUESTS", "2", "2023年，本机关共收到4件政府信息公开申请，{{句.复议诉讼}}。"), 200);
        JsonNode warningsOnly = api.get("head-kaifaqu", REPORT + "/gate").json();
        assertThat(warningsOnly.get("findings")).allSatisfy(f -> assertThat(f.get("severity").asText()).isEqualTo("WARNING"));
        List<String> keys = new ArrayList<>();
        warningsOnly.get("findings").forEach(f -> keys.add(f.get("key").asText()));
        assertThat(keys).hasSize(4);
        for (String key : keys) {
            Response refused = publish(api);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("rule").asText()).startsWith("No");
            Response acknowledged = api.post("head-kaifaqu", REPORT + "/gate/acknowledgements", """
                    {"findingKey": "%s", "explanation": "已核实：年底时尚在办理，已结转下一年度继续办理"}""".formatted(key));
            assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        }
        Response handlerMayNot = api.post("reviewer-kaifaqu", REPORT + "/publications", "{}");
        assertThat(handlerMayNot.status()).isEqualTo(403);
        Response published = api.post("head-kaifaqu", REPORT + "/publications", "{}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().get("part1").get(1).get("paragraphs").get(0).asText())
                .isEqualTo("2023年，本机关共收到4件政府信息公开申请，因办理情况引起行政复议1件、行政诉讼0件。");

        Response correctionWithoutNote = api.post("head-kaifaqu", REPORT + "/publications", "{}");
        assertThat(correctionWithoutNote.status()).isEqualTo(422);
        assertThat(correctionWithoutNote.json().get("rule").asText()).isEqualTo("CorrectionNeedsChangeNote");
        ok(api.post("head-kaifaqu", REPORT + "/publications", """
                {"changeNote": "补充说明行政复议案件"}"""), 201);
        JsonNode versions = api.get("auditor-kaifaqu", REPORT + "/publications").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("changeNote").asText()).isEqualTo("补充说明行政复议案件");
        assertThat(versions.get(0).get("acknowledgements")).hasSize(4);

        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String activity = api.get("auditor-kaifaqu", "/api/audit/users/head-kaifaqu/activity?from=" + today.minusDays(1)
                    + "&to=" + today.plusDays(1) + "&size=100").body();
            assertThat(activity).contains("GateWarningAcknowledged", "已核实：年底时尚在办理，已结转下一年度继续办理",
                    "AnnualReportPublished", "补充说明行政复议案件");
            String handler = api.get("auditor-kaifaqu", "/api/audit/users/handler-kaifaqu/activity?from="
                    + today.minusDays(1) + "&to=" + today.plusDays(1) + "&size=100").body();
            assertThat(handler).contains("Part2FiguresCorrected", "按清理结果复核，现行有效应为11件", "ProseSaved");
        });
    }

    private Response putProse(Api api, String section, String ifMatch, String text) {
        return api.send("handler-kaifaqu", HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + REPORT + "/prose/" + section))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"" + ifMatch + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}", StandardCharsets.UTF_8)));
    }

    private static Response publish(Api api) {
        Response refused = api.post("head-kaifaqu", REPORT + "/publications", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        return refused;
    }

    private static void ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    private static List<String> rules(Api api) {
        List<String> rules = new ArrayList<>();
        api.get("head-kaifaqu", REPORT + "/gate").json().get("findings")
                .forEach(f -> rules.add(f.get("rule").asText() + "/" + f.get("severity").asText()));
        return rules;
    }

    private static JsonNode finding(JsonNode gate, String rule, String cell) {
        for (JsonNode f : gate.get("findings")) {
            boolean cellMatches = cell == null;
            for (JsonNode c : f.get("cells")) {
                cellMatches |= c.asText().equals(cell);
            }
            if (f.get("rule").asText().equals(rule) && cellMatches) {
                return f;
            }
        }
        throw new AssertionError("no finding " + rule + " " + cell + " in " + gate);
    }

    private static List<String> applications(JsonNode finding) {
        List<String> numbers = new ArrayList<>();
        finding.get("applications").forEach(n -> numbers.add(n.asText()));
        return numbers;
    }

    private static String number(Api api, String id) {
        return api.get("handler-kaifaqu", "/api/requests/" + id).json().get("registrationNumber").asText();
    }
}
