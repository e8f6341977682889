package cn.gongkai.ledger.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.Part4Table;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Cases filed and decided through HTTP on real PostgreSQL, and the part 四 cells they move.
 *
 * <p>The property gives this class a context, and so a database, of its own: some tests of the
 * request register count every event in the store as a request event, and would wait forever for
 * the request projection to account for these.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.own-database=disputes")
class DisputesIT {

    private static final Duration PROCESSOR = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisputeTables tables;

    @Autowired
    EventProcessingConfiguration processing;

    Api api;
    @Today
    LocalDate today;
    int year;

    @BeforeEach
    void setUp() {
        year = today.getYear();
    }

    @Test
    void aReconsiderationIsPendingUntilDecidedAndThenCountsInItsResult() {
        // given an application of 开发区 answered today, and the year's table before
        String requestId = concludedApplication();
        awaitCaseTableCaughtUp();
        Part4Table before = tables.part4("kaifaqu", year);

        // when the applicant seeks reconsideration
        Response filed = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s",
                 "caseNumber":"驻政复〔%d〕3号","authority":"驻马店市人民政府"}""".formatted(requestId, today, year));

        // then the case is recorded with the application's registration number, and counts as pending
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        JsonNode dispute = filed.json();
        String disputeId = dispute.get("disputeId").asText();
        assertThat(filed.location()).endsWith("/api/disputes/" + disputeId);
        assertThat(dispute.get("requestId").asText()).isEqualTo(requestId);
        assertThat(dispute.get("registrationNumber").asText()).matches(year + "-\\d{4}");
        assertThat(dispute.get("kindLabel").asText()).isEqualTo("行政复议");
        assertThat(dispute.get("authority").asText()).isEqualTo("驻马店市人民政府");
        assertThat(dispute.get("result").isNull()).isTrue();
        awaitCaseTableCaughtUp();
        Part4Table pending = tables.part4("kaifaqu", year);
        java.time.Instant whilePending = java.time.Instant.now();
        assertThat(pending.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING))
                .isEqualTo(before.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING) + 1);
        assertThat(pending.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL))
                .isEqualTo(before.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL) + 1);
        assertThat(tables.cases("kaifaqu", year, DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING))
                .extracting(DisputeCase::disputeId).contains(UUID.fromString(disputeId));

        // when the reconsideration body corrects the answer
        Response decided = api.post("reviewer-kaifaqu", "/api/disputes/" + disputeId + "/decision", """
                {"result":"CORRECTED","decidedOn":"%s","summary":"责令重新答复"}""".formatted(today));

        // then the case moves from PENDING to CORRECTED, in the annual tables too, and they still reconcile
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("result").asText()).isEqualTo("CORRECTED");
        assertThat(decided.json().get("resultLabel").asText()).isEqualTo("结果纠正");
        awaitCaseTableCaughtUp();
        Part4Table after = tables.part4("kaifaqu", year);
        assertThat(after.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED))
                .isEqualTo(before.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED) + 1);
        assertThat(after.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING))
                .isEqualTo(before.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING));
        assertThat(after.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL))
                .isEqualTo(before.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.TOTAL) + 1);
        assertThat(tables.check(after)).isEmpty();
        // and as it stood while pending, the case is still pending
        Part4Table then = tables.part4AsOf(List.of("kaifaqu"), year, whilePending);
        assertThat(then.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING))
                .isEqualTo(pending.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.PENDING));
        assertThat(then.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED))
                .isEqualTo(pending.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED));
        JsonNode annual = api.get("auditor-kaifaqu", "/api/statistics/" + year).json();
        assertThat(annual.get("part4").get("cells").get("RECONSIDERATION").get("CORRECTED").asLong())
                .isEqualTo(after.cell(DisputeGroup.RECONSIDERATION, DisputeColumn.CORRECTED));

        // and the cell's provenance names the case
        JsonNode cell = api.get("auditor-kaifaqu", "/api/disputes/cells/RECONSIDERATION/CORRECTED?year=" + year).json();
        List<String> counted = new ArrayList<>();
        cell.forEach(c -> counted.add(c.get("requestId").asText()));
        assertThat(counted).contains(requestId);

        // and the auditor sees it in the list of the year and of the application, and on its own
        JsonNode listed = api.get("auditor-kaifaqu", "/api/disputes?year=" + year + "&requestId=" + requestId).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("disputeId").asText()).isEqualTo(disputeId);
        assertThat(listed.get(0).get("result").asText()).isEqualTo("CORRECTED");
        Response view = api.get("auditor-kaifaqu", "/api/disputes/" + disputeId);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("summary").asText()).isEqualTo("责令重新答复");
        assertThat(view.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void asOfAnInstantBeforeItsDecisionWasRecordedACaseIsPendingInEveryYearFromItsFilingOn() {
        // given an application answered in May 2023, and the as-of tables of 2023 up to this year before any filing
        String requestId = concludedApplication(LocalDate.of(2023, 5, 20));
        awaitCaseTableCaughtUp();
        Instant beforeFiling = Instant.now();

        // when a reconsideration dated 2023-05-26 is filed, and decided (2023-12-20) only after instant T
        Response filed = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"2023-05-26"}""".formatted(requestId));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String disputeId = filed.json().get("disputeId").asText();
        awaitCaseTableCaughtUp();
        Instant whilePending = Instant.now();
        Response decided = api.post("reviewer-kaifaqu", "/api/disputes/" + disputeId + "/decision",
                "{\"result\":\"CORRECTED\",\"decidedOn\":\"2023-12-20\"}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        awaitCaseTableCaughtUp();
        Instant afterDecision = Instant.now();

        for (int y = 2023; y <= year; y++) {
            Map<String, Long> base = reconsiderationAsOf(y, beforeFiling);
            Map<String, Long> atT = reconsiderationAsOf(y, whilePending);
            Map<String, Long> after = reconsiderationAsOf(y, afterDecision);
            // then as of T the case counts as pending, and in the total, in 2023 and in every later year
            assertThat(difference(base, atT)).as("%d as of T, filed but not yet decided", y)
                    .isEqualTo(Map.of("UPHELD", 0L, "CORRECTED", 0L, "OTHER", 0L, "PENDING", 1L, "TOTAL", 1L));
            // and as of an instant after the decision, it counts as corrected in 2023 and no more after
            assertThat(difference(base, after)).as("%d as of after the decision", y).isEqualTo(y == 2023
                    ? Map.of("UPHELD", 0L, "CORRECTED", 1L, "OTHER", 0L, "PENDING", 0L, "TOTAL", 1L)
                    : Map.of("UPHELD", 0L, "CORRECTED", 0L, "OTHER", 0L, "PENDING", 0L, "TOTAL", 0L));
            // and the table as of now is the current table, whose cells list as many cases as they count
            JsonNode current = api.get("auditor-kaifaqu", "/api/statistics/" + y).json();
            assertThat(after).isEqualTo(reconsideration(current));
            for (String column : List.of("CORRECTED", "PENDING", "TOTAL")) {
                JsonNode cases = api.get("auditor-kaifaqu",
                        "/api/disputes/cells/RECONSIDERATION/" + column + "?year=" + y).json();
                assertThat((long) cases.size()).as("%d %s", y, column).isEqualTo(after.get(column));
                List<String> ids = new ArrayList<>();
                cases.forEach(c -> ids.add(c.get("disputeId").asText()));
                boolean counted = y == 2023 && !column.equals("PENDING");
                assertThat(ids.contains(disputeId)).as("%d %s lists the case", y, column).isEqualTo(counted);
            }
        }
    }

    @Test
    void aCaseCorrectedAndOneWithdrawnAfterPublicationMoveTheirCellsFromTheInstantTheyWereRecorded() {
        // given 2022: a reconsideration about application A decided (upheld), one about B still pending;
        // the year closed and published
        String a = concludedApplication(LocalDate.of(2022, 3, 1));
        String b = concludedApplication(LocalDate.of(2022, 4, 1));
        Response filedA = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"2022-05-01"}""".formatted(a));
        assertThat(filedA.status()).as(filedA.toString()).isEqualTo(201);
        String decided = filedA.json().get("disputeId").asText();
        Response decision = api.post("reviewer-kaifaqu", "/api/disputes/" + decided + "/decision",
                "{\"result\":\"UPHELD\",\"decidedOn\":\"2022-06-01\"}");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        Response filedB = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"2022-07-01"}""".formatted(b));
        String pending = filedB.json().get("disputeId").asText();
        awaitCaseTableCaughtUp();
        Response closed = api.post("head-kaifaqu", "/api/statistics/2022/close", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        await().atMost(PROCESSOR).untilAsserted(() -> assertThat(
                api.post("head-kaifaqu", "/api/statistics/2022/publish", "").status()).isEqualTo(200));
        await().atMost(PROCESSOR).until(() -> api.get("head-kaifaqu", "/api/statistics/2022/publication-diff")
                .status() == 200);
        Map<String, Map<String, Long>> published = part4(api.get("auditor-kaifaqu", "/api/statistics/2022").json());
        Instant beforeCorrection = Instant.now();

        // when a reviewer who recorded neither step corrects the decided case: in fact a lawsuit, and the answer corrected
        String correction = """
                {"requestId":"%s","kind":"LITIGATION_DIRECT","filedOn":"2022-05-01","result":"CORRECTED",
                 "decidedOn":"2022-06-01","reason":"误登为行政复议，实为直接起诉，判决责令重新答复","correctedOn":"%s"}"""
                .formatted(a, today);
        Response byTheDecider = api.post("reviewer-kaifaqu", "/api/disputes/" + decided + "/correction", correction);
        Response corrected = api.post("head-kaifaqu", "/api/disputes/" + decided + "/correction", correction,
                "If-Match", "\"1\"");
        Response stale = api.post("reviewer2-kaifaqu", "/api/disputes/" + decided + "/correction",
                correction.replace("CORRECTED", "OTHER"), "If-Match", "\"1\"");
        Response noReason = api.post("head-kaifaqu", "/api/disputes/" + decided + "/correction",
                correction.replace("\"reason\"", "\"note\""));
        Response resultWithoutDate = api.post("reviewer2-kaifaqu", "/api/disputes/" + decided + "/correction",
                correction.replace("\"decidedOn\":\"2022-06-01\",", ""));
        Response otherAgency = api.post("reviewer-yicheng", "/api/disputes/" + decided + "/correction", correction);
        Response handler = api.post("handler-kaifaqu", "/api/disputes/" + decided + "/correction", correction);

        // then only the head's correction is stored, and the case reads as corrected, in its new version
        assertThat(byTheDecider.status()).as(byTheDecider.toString()).isEqualTo(422);
        assertThat(byTheDecider.json().get("rule").asText()).isEqualTo("CorrectorIsNotTheRecorder");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.etag()).isEqualTo("\"2\"");
        assertThat(corrected.json().get("kindLabel").asText()).isEqualTo("行政诉讼·未经复议直接起诉");
        assertThat(corrected.json().get("resultLabel").asText()).isEqualTo("结果纠正");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(noReason.json().get("message").asText()).contains("理由");
        assertThat(resultWithoutDate.status()).as(resultWithoutDate.toString()).isEqualTo(422);
        assertThat(fields(resultWithoutDate)).containsExactly("decidedOn");
        assertThat(otherAgency.status()).as(otherAgency.toString()).isEqualTo(404);
        assertThat(handler.status()).as(handler.toString()).isEqualTo(403);
        assertThat(eventsOf(decided)).isEqualTo(3);
        awaitCaseTableCaughtUp();
        Instant betweenTheTwo = Instant.now();

        // when the pending case, recorded in error, is withdrawn
        Response withdrawn = api.post("head-kaifaqu", "/api/disputes/" + pending + "/withdrawal", """
                {"reason":"申请人实际未申请复议，误登","withdrawnOn":"%s"}""".formatted(today));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("withdrawn").asBoolean()).isTrue();
        Response afterwards = api.post("reviewer2-kaifaqu", "/api/disputes/" + pending + "/decision",
                "{\"result\":\"UPHELD\",\"decidedOn\":\"%s\"}".formatted(today));
        assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(422);
        assertThat(afterwards.json().get("rule").asText()).isEqualTo("DisputeWithdrawn");
        awaitCaseTableCaughtUp();
        Instant afterWithdrawal = Instant.now();

        // then part 四 of 2022 moved: the corrected case from 复议/维持 to 直接起诉/纠正, the withdrawn one out of 尚未审结
        Map<String, Map<String, Long>> current = part4(api.get("auditor-kaifaqu", "/api/statistics/2022").json());
        assertThat(changedCells(published, current)).isEqualTo(Map.of(
                "RECONSIDERATION/UPHELD", -1L, "RECONSIDERATION/PENDING", -1L, "RECONSIDERATION/TOTAL", -2L,
                "LITIGATION_DIRECT/CORRECTED", 1L, "LITIGATION_DIRECT/TOTAL", 1L));
        // and the cell lists agree
        assertThat(listedIn("LITIGATION_DIRECT/CORRECTED", 2022)).contains(decided);
        assertThat(listedIn("RECONSIDERATION/UPHELD", 2022)).doesNotContain(decided);
        assertThat(listedIn("RECONSIDERATION/PENDING", 2022)).doesNotContain(pending);
        assertThat(listedIn("RECONSIDERATION/PENDING", 2023)).doesNotContain(pending);
        assertThat(listed("auditor-kaifaqu")).contains(decided).doesNotContain(pending);
        assertThat(api.get("auditor-kaifaqu", "/api/disputes/" + pending).json().get("withdrawn").asBoolean()).isTrue();

        // and as of each instant, part 四 is as it stood then
        assertThat(part4(asOf(2022, beforeCorrection))).isEqualTo(published);
        assertThat(changedCells(published, part4(asOf(2022, betweenTheTwo)))).isEqualTo(Map.of(
                "RECONSIDERATION/UPHELD", -1L, "RECONSIDERATION/TOTAL", -1L,
                "LITIGATION_DIRECT/CORRECTED", 1L, "LITIGATION_DIRECT/TOTAL", 1L));
        assertThat(part4(asOf(2022, afterWithdrawal))).isEqualTo(current);

        // and the publication diff names the event behind each changed cell, by its effect on the cell
        JsonNode diff = api.get("auditor-kaifaqu", "/api/statistics/2022/publication-diff").json();
        assertThat(change(diff, "RECONSIDERATION", "UPHELD")).isEqualTo(List.of(
                decided + " DisputeCorrected head-kaifaqu -1"));
        assertThat(change(diff, "LITIGATION_DIRECT", "CORRECTED")).isEqualTo(List.of(
                decided + " DisputeCorrected head-kaifaqu 1"));
        assertThat(change(diff, "RECONSIDERATION", "PENDING")).isEqualTo(List.of(
                pending + " DisputeWithdrawn head-kaifaqu -1"));
        assertThat(change(diff, "RECONSIDERATION", "TOTAL")).containsExactlyInAnyOrder(
                decided + " DisputeCorrected head-kaifaqu -1", pending + " DisputeWithdrawn head-kaifaqu -1");

        // and the audit trail of each application shows the correction and the withdrawal, with their reasons
        await().atMost(PROCESSOR).untilAsserted(() -> {
            assertThat(auditSteps(a)).anyMatch(step -> step.get("eventType").asText().equals("DisputeCorrected")
                    && step.get("label").asText().startsWith("更正复议诉讼案件")
                    && step.get("reason").asText().startsWith("误登为行政复议")
                    && step.get("actor").asText().equals("head-kaifaqu"));
            assertThat(auditSteps(b)).anyMatch(step -> step.get("eventType").asText().equals("DisputeWithdrawn")
                    && step.get("label").asText().equals("撤销登记复议诉讼案件")
                    && step.get("reason").asText().equals("申请人实际未申请复议，误登"));
        });
    }

    @Test
    void aHandlerOfAnotherAgencyFindsNeitherTheApplicationNorTheCase() {
        // given a case of 开发区
        String requestId = concludedApplication();
        String disputeId = file("handler-kaifaqu", requestId).json().get("disputeId").asText();
        awaitCaseTableCaughtUp();
        assertThat(listed("handler-kaifaqu")).contains(disputeId);
        long before = events();

        // when staff of 驿城区 try to file about the application, decide the case, or read it
        Response filing = file("handler-yicheng", requestId);
        Response deciding = api.post("handler-yicheng", "/api/disputes/" + disputeId + "/decision",
                "{\"result\":\"UPHELD\",\"decidedOn\":\"%s\"}".formatted(today));
        Response reading = api.get("handler-yicheng", "/api/disputes/" + disputeId);

        // then neither exists for them, the case is not in their list, and nothing was stored
        assertThat(filing.status()).as(filing.toString()).isEqualTo(404);
        assertThat(deciding.status()).as(deciding.toString()).isEqualTo(404);
        assertThat(reading.status()).isEqualTo(404);
        assertThat(listed("handler-yicheng")).doesNotContain(disputeId);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        // given a concluded and an open application, and a decided case
        String concluded = concludedApplication();
        Response open = api.post("handler-kaifaqu", "/api/requests", received(today));
        String openId = open.json().get("requestId").asText();
        String decidedCase = file("handler-kaifaqu", concluded).json().get("disputeId").asText();
        api.post("head-kaifaqu", "/api/disputes/" + decidedCase + "/decision",
                "{\"result\":\"UPHELD\",\"decidedOn\":\"%s\"}".formatted(today));
        String undecidedCase = file("handler-kaifaqu", concluded).json().get("disputeId").asText();
        long before = events();

        Response missing = api.post("handler-kaifaqu", "/api/disputes", "{\"caseNumber\":\"x\"}");
        Response unknownKind = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"PETITION","filedOn":"%s"}""".formatted(concluded, today));
        Response malformed = api.post("handler-kaifaqu", "/api/disputes", "{\"requestId\":");
        Response tooLong = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s","authority":"%s"}"""
                .formatted(concluded, today, "法".repeat(201)));
        Response future = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(concluded, today.plusDays(1)));
        Response aboutOpen = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"LITIGATION_DIRECT","filedOn":"%s"}""".formatted(openId, today));
        Response unknownApplication = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(UUID.randomUUID(), today));
        Response twice = api.post("reviewer-kaifaqu", "/api/disputes/" + decidedCase + "/decision",
                "{\"result\":\"CORRECTED\",\"decidedOn\":\"%s\"}".formatted(today));
        Response beforeFiling = api.post("reviewer-kaifaqu", "/api/disputes/" + undecidedCase + "/decision",
                "{\"result\":\"CORRECTED\",\"decidedOn\":\"%s\"}".formatted(today.minusDays(1)));
        Response noResult = api.post("reviewer-kaifaqu", "/api/disputes/" + undecidedCase + "/decision",
                "{\"decidedOn\":\"%s\"}".formatted(today));
        Response applicationAsCase = api.post("reviewer-kaifaqu", "/api/disputes/" + concluded + "/decision",
                "{\"result\":\"CORRECTED\",\"decidedOn\":\"%s\"}".formatted(today));
        Response unknownCase = api.get("handler-kaifaqu", "/api/disputes/" + UUID.randomUUID());
        Response byAuditor = file("auditor-kaifaqu", concluded);
        Response badYear = api.get("handler-kaifaqu", "/api/disputes?year=abc");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactlyInAnyOrder("requestId", "kind", "filedOn");
        assertThat(missing.json().get("message").asText()).contains("复议诉讼类型", "申请复议或起诉日期");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(fields(unknownKind)).containsExactly("kind");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("fields").get(0).get("label").asText()).isEqualTo("复议机关或法院");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("rule").asText()).isEqualTo("NoDateInTheFuture");
        assertThat(aboutOpen.status()).isEqualTo(422);
        assertThat(aboutOpen.json().get("rule").asText()).isEqualTo("DisputeOnlyAboutAConcludedApplication");
        assertThat(aboutOpen.json().get("message").asText()).contains("尚未办结");
        assertThat(aboutOpen.json().get("messageEn").asText()).contains("still open");
        assertThat(unknownApplication.status()).isEqualTo(404);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("rule").asText()).isEqualTo("DecidedOnlyOnce");
        assertThat(beforeFiling.status()).isEqualTo(422);
        assertThat(beforeFiling.json().get("rule").asText()).isEqualTo("DatesInOrder");
        assertThat(fields(beforeFiling)).containsExactly("decidedOn");
        assertThat(noResult.status()).isEqualTo(400);
        assertThat(fields(noResult)).containsExactly("result");
        assertThat(applicationAsCase.status()).as(applicationAsCase.toString()).isEqualTo(404);
        assertThat(unknownCase.status()).isEqualTo(404);
        assertThat(byAuditor.status()).isEqualTo(403);
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRetriedFilingWithTheSameIdRecordsOneCase() {
        String requestId = concludedApplication();
        UUID disputeId = UUID.randomUUID();
        String body = """
                {"disputeId":"%s","requestId":"%s","kind":"LITIGATION_DIRECT","filedOn":"%s"}"""
                .formatted(disputeId, requestId, today);

        // when the client sends the filing twice
        Response first = api.post("handler-kaifaqu", "/api/disputes", body);
        Response retry = api.post("handler-kaifaqu", "/api/disputes", body);

        // then the second finds the first
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("disputeId").asText()).isEqualTo(disputeId.toString());
        assertThat(eventsOf(disputeId.toString())).isEqualTo(1);

        // and an id that names an application is refused, not taken over
        Response clash = api.post("handler-kaifaqu", "/api/disputes", """
                {"disputeId":"%s","requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}"""
                .formatted(requestId, requestId, today));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(400);
        assertThat(fields(clash)).containsExactly("disputeId");
    }

    @Test
    void resettingTheCaseTableRebuildsItExactly() {
        // given a few cases, one decided
        String requestId = concludedApplication();
        String decided = file("handler-kaifaqu", requestId).json().get("disputeId").asText();
        api.post("head-kaifaqu", "/api/disputes/" + decided + "/decision",
                "{\"result\":\"OTHER\",\"decidedOn\":\"%s\"}".formatted(today));
        String pending = file("handler-kaifaqu", requestId).json().get("disputeId").asText();
        awaitCaseTableCaughtUp();
        assertThat(listed("handler-kaifaqu")).contains(decided, pending);
        List<Map<String, Object>> rows = rows();
        Part4Table table = tables.part4("kaifaqu", year);

        // when the processor is reset and replays the event store
        StreamingEventProcessor processor = processing
                .eventProcessor("dispute-tables", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.sql("select count(*) from dispute_case").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from dispute_case_version").query(Long.class).single()).isZero();
        processor.start();

        // then the table is rebuilt row for row, and counts the same
        await().atMost(Duration.ofSeconds(60)).until(() -> rows().equals(rows));
        assertThat(tables.part4("kaifaqu", year)).isEqualTo(table);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Part 四 of a tables answer, as GROUP → COLUMN → count. */
    private static Map<String, Map<String, Long>> part4(JsonNode tables) {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        for (DisputeGroup group : DisputeGroup.values()) {
            for (DisputeColumn column : DisputeColumn.values()) {
                JsonNode cell = tables.get("part4").get("cells").path(group.name()).path(column.name());
                cells.computeIfAbsent(group.name(), g -> new TreeMap<>())
                        .put(column.name(), cell.isMissingNode() ? 0L : cell.asLong());
            }
        }
        return cells;
    }

    /** The cells that differ, as GROUP/COLUMN → change. */
    private static Map<String, Long> changedCells(Map<String, Map<String, Long>> from,
                                                  Map<String, Map<String, Long>> to) {
        Map<String, Long> changed = new TreeMap<>();
        from.forEach((group, columns) -> columns.forEach((column, value) -> {
            long now = to.get(group).get(column);
            if (now != value) {
                changed.put(group + "/" + column, now - value);
            }
        }));
        return changed;
    }

    private JsonNode asOf(int y, Instant at) {
        Response response = api.get("auditor-kaifaqu", "/api/statistics/" + y + "/as-of?at="
                + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private List<String> listedIn(String cell, int y) {
        List<String> ids = new ArrayList<>();
        api.get("auditor-kaifaqu", "/api/disputes/cells/" + cell + "?year=" + y).json()
                .forEach(c -> ids.add(c.get("disputeId").asText()));
        return ids;
    }

    /** The changes publication-diff lists for one part 四 cell, as "id eventType recordedBy effect". */
    private static List<String> change(JsonNode diff, String group, String column) {
        for (JsonNode difference : diff.get("differences")) {
            if (difference.get("part").asText().equals("四") && difference.get("row").asText().equals(group)
                    && difference.get("column").asText().equals(column)) {
                List<String> changes = new ArrayList<>();
                difference.get("changes").forEach(c -> changes.add(c.get("id").asText() + " "
                        + c.get("eventType").asText() + " " + c.get("recordedBy").asText() + " "
                        + c.get("effect").asLong()));
                return changes;
            }
        }
        throw new AssertionError("no difference for " + group + "/" + column + " in " + diff);
    }

    private List<JsonNode> auditSteps(String requestId) {
        Response response = api.get("auditor-kaifaqu", "/api/audit/requests/" + requestId);
        List<JsonNode> steps = new ArrayList<>();
        if (response.status() == 200) {
            JsonNode body = response.json();
            (body.isArray() ? body : body.path("steps")).forEach(steps::add);
        }
        return steps;
    }

    /** Registers an application, drafts, approves and gives the answer: concluded today. */
    private String concludedApplication() {
        return concludedApplication(today);
    }

    /** Registers an application received on {@code on}, and drafts, approves and answers it that day. */
    private String concludedApplication(LocalDate on) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(on));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String path = "/api/requests/" + registered.json().get("requestId").asText();
        List<Response> steps = new ArrayList<>();
        steps.add(api.post("handler-kaifaqu", path + "/answer-draft", """
                {"outcome":"WITHHELD_PROCESS_INFORMATION","legalBasis":"条例第十六条第二款","text":"属于过程性信息",
                 "draftedOn":"%s"}""".formatted(on)));
        steps.add(api.post("reviewer-kaifaqu", path + "/answer-draft/approval", date("approvedOn", on)));
        steps.add(api.post("handler-kaifaqu", path + "/answer", date("answeredOn", on)));
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
        return registered.json().get("requestId").asText();
    }

    private Response file(String user, String requestId) {
        return api.post(user, "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(requestId, today));
    }

    private String date(String field) {
        return date(field, today);
    }

    private static String date(String field, LocalDate on) {
        return "{\"%s\":\"%s\"}".formatted(field, on);
    }

    /** The reconsideration row of part 四 of {@code y} as it stood at {@code at}, read through the API. */
    private Map<String, Long> reconsiderationAsOf(int y, Instant at) {
        Response response = api.get("auditor-kaifaqu", "/api/statistics/" + y + "/as-of?at="
                + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("reconciled").asBoolean()).as(response.toString()).isTrue();
        return reconsideration(response.json());
    }

    private static Map<String, Long> reconsideration(JsonNode tables) {
        Map<String, Long> row = new TreeMap<>();
        for (DisputeColumn column : DisputeColumn.values()) {
            JsonNode cell = tables.get("part4").get("cells").path("RECONSIDERATION").path(column.name());
            row.put(column.name(), cell.isMissingNode() ? 0L : cell.asLong());
        }
        return row;
    }

    private static Map<String, Long> difference(Map<String, Long> from, Map<String, Long> to) {
        Map<String, Long> difference = new TreeMap<>();
        from.forEach((column, value) -> difference.put(column, to.get(column) - value));
        return difference;
    }

    private static String received(LocalDate receivedOn) {
        return """
                {"channel":"INTERNET","receivedOn":"%s","applicantCategory":"NATURAL_PERSON",
                 "applicant":{"name":"李四","idDocumentType":"居民身份证","idNumber":"410102199001011234",
                              "phone":"13800000000","address":"河南省驻马店市开发区1号"},
                 "informationRequested":"2025年征收补偿方案","deliveryForm":"ELECTRONIC_BY_EMAIL"}"""
                .formatted(receivedOn);
    }

    /**
     * Waits until the case tables include every event stored so far: every segment of the
     * dispute-tables processor has passed the head of the event store.
     */
    private void awaitCaseTableCaughtUp() {
        long head = rowCount("select coalesce(max(global_index), 0) from domain_event_entry");
        StreamingEventProcessor processor = processing
                .eventProcessor("dispute-tables", StreamingEventProcessor.class).orElseThrow();
        await().atMost(PROCESSOR).until(() -> {
            var status = processor.processingStatus();
            long segments = rowCount("select count(*) from token_entry where processor_name = 'dispute-tables'");
            return status.size() == segments && status.values().stream()
                    .allMatch(segment -> !segment.isErrorState() && segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private long rowCount(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> listed(String user) {
        List<String> ids = new ArrayList<>();
        api.get(user, "/api/disputes").json().forEach(item -> ids.add(item.get("disputeId").asText()));
        return ids;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("fields").forEach(field -> fields.add(field.get("field").asText()));
        return fields;
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", aggregateId).query(Long.class).single();
    }

    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.sql("select * from dispute_case order by dispute_id").query().listOfRows());
        rows.addAll(jdbc.sql("select * from dispute_case_version order by dispute_id, version").query().listOfRows());
        return rows;
    }
}
