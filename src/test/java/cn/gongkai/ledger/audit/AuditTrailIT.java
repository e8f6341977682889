package cn.gongkai.ledger.audit;

import static cn.gongkai.ledger.requests.ApplicationSteps.carriedFrom;
import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.Correlation;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.RequestJson;
import cn.gongkai.ledger.requests.write.extension.ExtendDeadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail end to end: the metadata every event carries (correlation, causation, reason),
 * and the three views an auditor reads, as JSON and as CSV, rebuilt identically from the events.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=audit-trail")
class AuditTrailIT {

    private static final String AUDITOR = "auditor-kaifaqu";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyEventOfOneHttpRequestSharesItsCorrelationIdAndTheResponseEchoesIt() throws Exception {
        Api api = new Api(port);
        // given 2022 closed, so that registering into it makes the annual tables carry it forward in reaction
        closeYear(api, 2022, null);

        // when one HTTP request registers an application received in 2022, naming its correlation id
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + "/api/requests"))
                        .header("Authorization", basic("handler-kaifaqu"))
                        .header("Content-Type", "application/json")
                        .header(Correlation.HEADER, "late-registration-0001")
                        .POST(HttpRequest.BodyPublishers.ofString(RequestJson.received(LocalDate.of(2022, 12, 1)),
                                StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = new Response(registered.statusCode(), registered.body(), null, null).json().get("requestId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, id).contains(2022));

        // then the answer echoes the id, and both events, the registration and the carry-forward sent
        // in reaction to it, carry it; Axon's own origin keys are not there to contradict it
        assertThat(registered.headers().firstValue(Correlation.HEADER)).contains("late-registration-0001");
        List<DomainEventMessage<?>> events = events(id);
        assertThat(events).extracting(event -> event.getPayloadType().getSimpleName())
                .containsExactly("RequestReceived", "RequestCarriedForward");
        assertThat(events).allSatisfy(event -> assertThat(event.getMetaData())
                .containsEntry(ActorMetaData.CORRELATION_ID, "late-registration-0001")
                .doesNotContainKey("traceId"));
        // the carry-forward was caused by its own command, which the registration event caused
        assertThat(events.get(1).getMetaData().get(ActorMetaData.CAUSATION_ID))
                .isNotNull().isNotEqualTo(events.get(0).getIdentifier());
        assertThat(events.get(1).getMetaData()).containsEntry(ActorMetaData.USERNAME, "system:year-close")
                .doesNotContainKey(ActorMetaData.CLIENT_ADDRESS);

        // and a malformed correlation id is replaced by a fresh one, not taken over
        HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                        .header("Authorization", basic(AUDITOR))
                        .header(Correlation.HEADER, "bad id\twith spaces and far too long ".repeat(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(malformed.headers().firstValue(Correlation.HEADER)).hasValueSatisfying(value ->
                assertThat(UUID.fromString(value)).isNotNull());
    }

    @Test
    void anEventsCausationIsItsCommandsIdAndAJobsCommandsCarryTheJobsCorrelationId() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        UUID id = UUID.fromString(register(api, today));
        CommandMessage<?> extend = GenericCommandMessage
                .asCommandMessage(new ExtendDeadline(id, null, 5, "需调取档案", today))
                .andMetaData(new Actor("reviewer-kaifaqu", "kaifaqu", Set.of(Role.REVIEWER)).toMetaData());

        try (Correlation.Scope job = Correlation.open("job-run-42")) {
            commands.sendAndWait(extend);
        }

        DomainEventMessage<?> extended = events(id.toString()).getLast();
        assertThat(extended.getPayloadType().getSimpleName()).isEqualTo("DeadlineExtended");
        assertThat(extended.getMetaData())
                .containsEntry(ActorMetaData.CAUSATION_ID, extend.getIdentifier())
                .containsEntry(ActorMetaData.CORRELATION_ID, "job-run-42")
                .containsEntry(ActorMetaData.REASON, "需调取档案");
    }

    @Test
    void aReasonIsRecordedExactlyForTheActionsThatTakeOne() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        String id = register(api, today.minusDays(5));
        String path = "/api/requests/" + id;
        ok(api.post("handler-kaifaqu", path + "/fee-notice", """
                {"method":"ENTERED","amountFen":1000,"reason":"复制费","issuedOn":"%s","payableBy":"%s"}"""
                .formatted(today.minusDays(4), today.plusDays(10))));
        ok(api.post("reviewer-kaifaqu", path + "/fee-waiver", """
                {"reason":"经济困难","waivedOn":"%s"}""".formatted(today.minusDays(3))));
        ok(api.post("reviewer-kaifaqu", path + "/extension", """
                {"workingDays":5,"reason":"需调取档案","extendedOn":"%s"}""".formatted(today.minusDays(2))));
        ok(api.post("handler-kaifaqu", path + "/answer-draft", draft("PARTIALLY_DISCLOSED", today.minusDays(1))));
        ok(api.post("reviewer-kaifaqu", path + "/answer-draft/return", """
                {"reason":"应全部公开","returnedOn":"%s"}""".formatted(today.minusDays(1))));
        conclude(api, id, "DISCLOSED", today);
        ok(api.post("reviewer2-kaifaqu", path + "/outcome-correction", """
                {"correctedOutcome":"PARTIALLY_DISCLOSED","reason":"部分内容涉及第三方","correctedOn":"%s"}"""
                .formatted(today)));
        ok(api.post("reviewer2-kaifaqu", path + "/category-correction", """
                {"correctedCategory":"RESEARCH_INSTITUTION","reason":"申请人为科研机构","correctedOn":"%s"}"""
                .formatted(today)));

        Map<String, Object> reasons = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events(id)) {
            reasons.merge(event.getPayloadType().getSimpleName(),
                    String.valueOf(event.getMetaData().get(ActorMetaData.REASON)), (a, b) -> a + "|" + b);
        }
        assertThat(reasons).containsExactlyEntriesOf(orderedMap(
                "RequestReceived", "null",
                "FeeNoticeIssued", "复制费",
                "FeeWaived", "经济困难",
                "DeadlineExtended", "需调取档案",
                "AnswerDrafted", "null|null",
                "AnswerReturned", "应全部公开",
                "AnswerApproved", "null",
                "RequestAnswered", "null",
                "OutcomeCorrected", "部分内容涉及第三方",
                "ApplicantCategoryCorrected", "申请人为科研机构"));
    }

    @Test
    void anAuditorReadsAnApplicationsHistoryAndAUsersActivityInPlainWords() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        // given: the handler registers and drafts, the reviewer extends with a reason and approves
        String id = register(api, today.minusDays(3));
        String path = "/api/requests/" + id;
        ok(api.post("handler-kaifaqu", path + "/answer-draft", draft("DISCLOSED", today)));
        ok(api.post("reviewer-kaifaqu", path + "/extension", """
                {"workingDays":10,"reason":"需调取档案","extendedOn":"%s"}""".formatted(today),
                Correlation.HEADER, "audit-it-extension"));
        ok(api.post("reviewer-kaifaqu", path + "/answer-draft/approval", RequestJson.date("approvedOn", today)));

        // when the auditor reads its history
        JsonNode steps = awaitSteps(api, "/api/audit/requests/" + id, 4);

        // then each step, in order: what, on which business date, who with which role, why, from where
        assertThat(texts(steps, "label")).containsExactly(
                "收到申请并登记", "起草答复（第1稿）", "延长答复期限10个工作日", "审核通过（第1稿）");
        assertThat(texts(steps, "actor")).containsExactly(
                "handler-kaifaqu", "handler-kaifaqu", "reviewer-kaifaqu", "reviewer-kaifaqu");
        assertThat(texts(steps, "rolesLabel")).containsExactly("经办人", "经办人", "审核人", "审核人");
        assertThat(texts(steps, "reason")).containsExactly(null, null, "需调取档案", null);
        assertThat(texts(steps, "businessDate")).containsExactly(
                today.minusDays(3).toString(), today.toString(), today.toString(), today.toString());
        assertThat(texts(steps, "clientAddress")).allSatisfy(address -> assertThat(address).isNotBlank());
        assertThat(texts(steps, "recordedAt")).allSatisfy(at -> assertThat(at).endsWith("+08:00"));
        assertThat(steps.get(2).get("correlationId").asText()).isEqualTo("audit-it-extension");
        assertThat(new HashSet<>(texts(steps, "correlationId"))).hasSize(4); // one per HTTP request
        assertThat(texts(steps, "causationId")).doesNotContainNull();
        assertThat(api.get("handler-kaifaqu", "/api/audit/requests/" + id).status()).isEqualTo(403);
        assertThat(api.get("auditor-yicheng", "/api/audit/requests/" + id).status()).isEqualTo(404);

        // and the reviewer's activity over the days recorded (real time: the trail's recorded time)
        LocalDate recordedToday = LocalDate.now(BusinessClock.ZONE);
        Response activity = api.get(AUDITOR, "/api/audit/users/reviewer-kaifaqu/activity?from="
                + recordedToday.minusDays(1) + "&to=" + recordedToday.plusDays(1) + "&size=200");
        assertThat(activity.status()).as(activity.toString()).isEqualTo(200);
        JsonNode done = activity.json().get("steps");
        assertThat(texts(done, "actor")).isNotEmpty().allSatisfy(actor -> assertThat(actor).isEqualTo("reviewer-kaifaqu"));
        assertThat(texts(done, "eventId")).contains(steps.get(2).get("eventId").asText(),
                steps.get(3).get("eventId").asText())
                .doesNotContain(steps.get(0).get("eventId").asText(), steps.get(1).get("eventId").asText());
        assertThat(activity.json().get("total").asLong()).isEqualTo(done.size());
        Response onePage = api.get(AUDITOR, "/api/audit/users/reviewer-kaifaqu/activity?from="
                + recordedToday.minusDays(1) + "&to=" + recordedToday.plusDays(1) + "&size=1&page=1");
        assertThat(onePage.json().get("steps")).hasSize(1);
        assertThat(onePage.json().get("steps").get(0).get("eventId").asText())
                .isEqualTo(done.get(1).get("eventId").asText());
        Response later = api.get(AUDITOR, "/api/audit/users/reviewer-kaifaqu/activity?from="
                + recordedToday.plusDays(2) + "&to=" + recordedToday.plusDays(3));
        assertThat(later.json().get("total").asLong()).isZero();
        assertThat(api.get("auditor-yicheng", "/api/audit/users/reviewer-kaifaqu/activity?from="
                + recordedToday + "&to=" + recordedToday).status()).isEqualTo(404);

        // and the CSV of the history opens in Excel: BOM, Chinese headers, one line per step
        Response csv = api.get(AUDITOR, "/api/audit/requests/" + id + "?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF");
        List<List<String>> rows = parse(csv.body().substring(1));
        assertThat(rows.getFirst()).startsWith("序号", "登记号", "步骤", "业务日期", "记录时间（北京时间）", "操作人", "角色",
                "理由", "客户端地址", "关联编号", "起因编号");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(3)).contains("延长答复期限10个工作日", "reviewer-kaifaqu", "审核人", "需调取档案",
                "audit-it-extension");
    }

    @Test
    void theChangesOfAYearMadeAfterItsCloseAndEveryCorrectionAreListed() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        // given 2023 with one application open at its end and one answered within it, closed with a reason
        String open = register(api, LocalDate.of(2023, 5, 1));
        String answered = register(api, LocalDate.of(2023, 5, 2));
        conclude(api, answered, "DISCLOSED", LocalDate.of(2023, 5, 20));
        closeYear(api, 2023, "年度报告编制完毕");
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, open).contains(2023));

        // when, after the close, an application received in 2023 is registered, the open one turns out
        // answered on 28 December 2023, and the answered one's outcome and category are corrected
        String late = register(api, LocalDate.of(2023, 11, 30));
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, late).contains(2023));
        conclude(api, open, "DISCLOSED", LocalDate.of(2023, 12, 28));
        ok(api.post("reviewer2-kaifaqu", "/api/requests/" + answered + "/outcome-correction", """
                {"correctedOutcome":"PARTIALLY_DISCLOSED","reason":"部分内容涉及第三方","correctedOn":"%s"}"""
                .formatted(today)));
        ok(api.post("reviewer2-kaifaqu", "/api/requests/" + answered + "/category-correction", """
                {"correctedCategory":"RESEARCH_INSTITUTION","reason":"申请人为科研机构","correctedOn":"%s"}"""
                .formatted(today)));

        // then the year's after-the-fact changes are exactly these, in the order recorded
        JsonNode changes = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(AUDITOR, "/api/audit/years/2023/changes").json().get("changes"),
                        list -> list.size() >= 5);
        assertThat(texts(changes, "kind")).containsExactly(
                "REGISTRATION", "CARRY_FORWARD", "CONCLUSION", "OUTCOME_CORRECTION", "CATEGORY_CORRECTION");
        assertThat(texts(changes, "kindLabel")).containsExactly("年度关闭后补登记", "年度关闭后补充结转",
                "年度关闭后补录办结（更正已结转）", "更正办理结果", "更正申请人类别");
        List<String> numbers = new ArrayList<>();
        changes.forEach(change -> numbers.add(change.get("step").get("registrationNumber").asText()));
        String lateNumber = api.get("handler-kaifaqu", "/api/requests/" + late).json().get("registrationNumber").asText();
        String openNumber = api.get("handler-kaifaqu", "/api/requests/" + open).json().get("registrationNumber").asText();
        String answeredNumber = api.get("handler-kaifaqu", "/api/requests/" + answered).json()
                .get("registrationNumber").asText();
        assertThat(numbers).containsExactly(lateNumber, lateNumber, openNumber, answeredNumber, answeredNumber);
        assertThat(changes.get(3).get("step").get("reason").asText()).isEqualTo("部分内容涉及第三方");

        // and the close's own carry-forward shares the close's correlation id, and the close says why
        DomainEventMessage<?> closed = events("kaifaqu:2023").getFirst();
        assertThat(closed.getMetaData()).containsEntry(ActorMetaData.REASON, "年度报告编制完毕");
        DomainEventMessage<?> sweep = events(open).stream()
                .filter(event -> event.getPayloadType().getSimpleName().equals("RequestCarriedForward"))
                .findFirst().orElseThrow();
        assertThat(sweep.getMetaData().get(ActorMetaData.CORRELATION_ID))
                .isEqualTo(closed.getMetaData().get(ActorMetaData.CORRELATION_ID));
        assertThat(sweep.getMetaData()).doesNotContainKey(ActorMetaData.REASON);

        // and as CSV
        Response csv = api.get(AUDITOR, "/api/audit/years/2023/changes?format=csv");
        List<List<String>> rows = parse(csv.body().substring(1));
        assertThat(rows.getFirst()).startsWith("变更类型", "登记号", "步骤", "业务日期", "记录时间（北京时间）", "操作人");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).startsWith("年度关闭后补登记", lateNumber, "收到申请并登记", "2023-11-30");
    }

    @Test
    void badQueriesAreRefusedFieldByField() {
        Api api = new Api(port);
        String activity = "/api/audit/users/reviewer-kaifaqu/activity";

        Response reversed = api.get(AUDITOR, activity + "?from=2026-03-02&to=2026-03-01");
        Response tooBig = api.get(AUDITOR, activity + "?from=2026-03-01&to=2026-03-02&size=1000");
        Response notADate = api.get(AUDITOR, activity + "?from=yesterday&to=2026-03-02");
        Response noFormat = api.get(AUDITOR, "/api/audit/years/2023/changes?format=xml");

        assertThat(List.of(reversed, tooBig, notADate, noFormat)).allSatisfy(response ->
                assertThat(response.status()).as(response.toString()).isEqualTo(400));
        assertThat(field(reversed)).isEqualTo("to:截止日期");
        assertThat(field(tooBig)).isEqualTo("size:每页条数");
        assertThat(field(notADate)).isEqualTo("from:起始日期");
        assertThat(field(noFormat)).isEqualTo("format:导出格式");
    }

    @Test
    void theTrailIsRebuiltExactlyFromTheEvents() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        for (int i = 0; i < 5; i++) {
            String id = register(api, today.minusDays(i));
            if (i % 2 == 0) {
                conclude(api, id, "DISCLOSED", today);
            }
        }
        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> entries() == events);
        List<Map<String, Object>> before = rows();

        StreamingEventProcessor processor = processing
                .eventProcessor(AuditTrailProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(entries()).isZero();
        processor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> entries() == events);
        assertThat(rows()).isEqualTo(before);
    }

    private long entries() {
        return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("select * from audit_entry order by global_index").query().listOfRows();
    }

    private void closeYear(Api api, int year, String reason) {
        Response closed = api.post("head-kaifaqu", "/api/statistics/" + year + "/close",
                reason == null ? "" : "{\"reason\":\"" + reason + "\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    private static JsonNode awaitSteps(Api api, String path, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> api.get(AUDITOR, path),
                response -> response.status() == 200 && response.json().get("steps").size() == count)
                .json().get("steps");
    }

    private static List<String> texts(JsonNode nodes, String field) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.get(field) == null || node.get(field).isNull()
                ? null : node.get(field).asText()));
        return texts;
    }

    private static String field(Response response) {
        JsonNode problem = response.json().get("fields").get(0);
        return problem.get("field").asText() + ":" + problem.get("label").asText();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static String draft(String outcome, LocalDate on) {
        return """
                {"outcome":"%s","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}""".formatted(outcome, on);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> orderedMap(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** RFC 4180 as our exports write it: CRLF lines, quoted fields with doubled quotes. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
