package cn.gongkai.ledger.requests.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.requests.RequestJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Importing a register through the API: the dry run's refusals, the confirmation, idempotency, bad files. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=register-import")
class RegisterImportIT {

    private static final String HEAD = "head-kaifaqu";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportGate gate;

    @Autowired
    TransactionTemplate transactions;

    private Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void theDryRunNamesEveryRefusedRowWithItsColumnAndReasonAndStoresNothing() {
        Response close = api.post(HEAD, "/api/statistics/2015/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(HEAD, "/api/statistics/2015").json().get("closed").asBoolean());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Register register = new Register()
                .row("R-01", LocalDate.of(2024, 3, 1), "自然人", "(一) 予以公开", LocalDate.of(2024, 3, 20))
                .row("R-02", LocalDate.of(2024, 3, 1), "自然人", "大部分公开", LocalDate.of(2024, 3, 20))
                .row("R-03", today.plusDays(3), "自然人", null, null)
                .row("R-04", LocalDate.of(2024, 5, 10), "商业企业", "1.属于国家秘密", LocalDate.of(2024, 5, 2))
                .row("R-05", LocalDate.of(2015, 6, 1), "自然人", "(一) 予以公开", LocalDate.of(2015, 6, 20))
                .row("R-06", LocalDate.of(2024, 3, 1), "自然人", null, null).with(RegisterColumn.RECEIVED_ON, "2024-02-30")
                .row("R-07", LocalDate.of(2024, 3, 1), "自然人", null, null).with(RegisterColumn.CHANNEL, "电报")
                .row("R-08", LocalDate.of(2024, 3, 1), "个体户", null, null)
                .row("R-09", LocalDate.of(2024, 3, 1), "自然人", null, null).with(RegisterColumn.APPLICANT_NAME, "")
                .row("R-01", LocalDate.of(2024, 4, 1), "自然人", null, null)
                .row("R-11", LocalDate.of(2024, 3, 1), "自然人", "(一) 予以公开", null)
                .row("R-12", LocalDate.of(2024, 3, 1), "自然人", null, null).with(RegisterColumn.EXTENDED, "是")
                .with(RegisterColumn.EXTENSION_DAYS, "30")
                .row("R-13", LocalDate.of(2007, 3, 1), "自然人", null, null)
                .row("R-14", LocalDate.of(2024, 3, 1), "法律服务机构", "申请人撤回", LocalDate.of(2024, 3, 5));
        long eventsBefore = events();

        Response dryRun = Register.dryRun(api, port, HEAD, register.csv());

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode report = dryRun.json();
        List<String> refusals = new ArrayList<>();
        report.get("refused").forEach(r -> refusals.add(r.get("row").asInt() + " " + r.get("column").asText() + " " + r.get("rule").asText()));
        assertThat(refusals).containsExactlyInAnyOrder(
                "3 办理结果 UnknownOutcome",
                "4 收到申请日期 NoDateInTheFuture",
                "5 答复日期 AnsweredBeforeReceived",
                "6 收到申请日期 YearClosed",
                "7 收到申请日期 DateFormat",
                "8 申请渠道 UnknownChannel",
                "9 申请人类型 UnknownApplicantCategory",
                "10 申请人姓名/名称 Required",
                "11 登记号 RegistrationNumberTwiceInFile",
                "12 答复日期 OutcomeAndDateTogether",
                "13 延长工作日数 ExtensionAtMost20WorkingDays",
                "14 收到申请日期 NotBefore2008");
        report.get("refused").forEach(r -> {
            assertThat(r.get("messageZh").asText()).startsWith(r.get("column").asText() + "：");
            assertThat(r.get("messageEn").asText()).startsWith(r.get("field").asText() + ": ");
        });
        assertThat(report.get("rowsToImport").asInt()).isEqualTo(2);
        assertThat(report.get("confirmable").asBoolean()).isFalse();
        JsonNode table2024 = report.get("tables").get("2024");
        assertThat(table2024.get("RECEIVED").get("TOTAL").asLong()).isEqualTo(2);
        assertThat(table2024.get("DISCLOSED").get("NATURAL_PERSON").asLong()).isEqualTo(1);
        assertThat(table2024.get("OTHER_OTHER").get("LEGAL_SERVICE_INSTITUTION").asLong()).isEqualTo(1);
        assertThat(report.toString()).doesNotContain("申请人R-01").doesNotContain("4101021990");
        assertThat(events()).isEqualTo(eventsBefore);

        Response confirm = Register.confirm(api, port, HEAD, register.csv(), report.get("fileSha256").asText());
        assertThat(confirm.status()).as(confirm.toString()).isEqualTo(422);
        assertThat(confirm.json().get("rule").asText()).isEqualTo("RefusedRowsFirst");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aFileIsImportedOnlyAfterItsDryRunAndOnlyTheSameFile() {
        Register register = new Register()
                .row("2023-0101", LocalDate.of(2023, 3, 1), "自然人", "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)", LocalDate.of(2023, 3, 28))
                .with(RegisterColumn.EXTENDED, "是").with(RegisterColumn.EXTENDED_ON, "2023-03-20").with(RegisterColumn.EXTENSION_DAYS, "10")
                .row("2023-0102", LocalDate.of(2023, 4, 1), "科研机构", "(三) 不予公开 4.保护第三方合法权益", LocalDate.of(2023, 4, 20))
                .row("2023-0103", LocalDate.of(2023, 12, 28), "自然人", null, null);
        byte[] file = register.csv();
        String sha = RegisterRows.sha256(file);

        Response withoutDryRun = Register.confirm(api, port, HEAD, file, sha);
        assertThat(withoutDryRun.status()).as(withoutDryRun.toString()).isEqualTo(422);
        assertThat(withoutDryRun.json().get("rule").asText()).isEqualTo("DryRunFirst");

        Response dryRun = Register.dryRun(api, port, HEAD, file);
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().get("fileSha256").asText()).isEqualTo(sha);
        assertThat(dryRun.json().get("confirmable").asBoolean()).isTrue();
        Response otherSha = Register.confirm(api, port, HEAD, file, "0".repeat(64));
        assertThat(otherSha.status()).as(otherSha.toString()).isEqualTo(422);
        assertThat(otherSha.json().get("rule").asText()).isEqualTo("ConfirmTheSameFile");

        JsonNode done = importAndAwait(file, sha);
        assertThat(done.get("rowsImported").asInt()).isEqualTo(3);
        assertThat(done.get("rowsDone").asInt()).isEqualTo(3);

        String id = RegisterRows.requestId("kaifaqu", "2023-0101").toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("handler-kaifaqu", "/api/requests/" + id).status() == 200);
        JsonNode application = api.get("handler-kaifaqu", "/api/requests/" + id).json();
        assertThat(application.toString()).contains("2023-0101").contains("申请人2023-0101");
        byte[] payload = jdbc.sql("select payload from domain_event_entry where aggregate_identifier = :id and sequence_number = 0")
                .param("id", id).query(byte[].class).single();
        assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain("申请人2023-0101").contains("AES-256-GCM");
        String metaData = jdbc.sql("select convert_from(meta_data, 'UTF8') from domain_event_entry where aggregate_identifier = :id"
                        + " and sequence_number = 2").param("id", id).query(String.class).single();
        assertThat(metaData).contains("\"source\":\"import\"").contains(sha).contains("\"importRow\":\"2\"").contains("head-kaifaqu");
        assertThat(jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = :id order by sequence_number")
                .param("id", id).query(String.class).list())
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly("RequestReceived", "DeadlineExtended", "RequestAnswered");
        Response next = api.post("handler-kaifaqu", "/api/requests", """
                {"channel":"INTERNET","receivedOn":"2023-12-29","applicantCategory":"NATURAL_PERSON",
                 "applicant":{"name":"新申请人"},"informationRequested":"导入后登记","deliveryForm":"ELECTRONIC_BY_EMAIL"}""");
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.json().get("registrationNumber").asText()).isEqualTo("2023-0104");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndACorrectedFileIsListedNotApplied() {
        Register register = new Register()
                .row("D-1", LocalDate.of(2022, 3, 1), "自然人", "(一) 予以公开", LocalDate.of(2022, 3, 10))
                .row("D-2", LocalDate.of(2022, 3, 2), "商业企业", "2.重复申请", LocalDate.of(2022, 3, 12))
                .row("D-3", LocalDate.of(2022, 3, 3), "其他", "申请人撤回", LocalDate.of(2022, 3, 13));
        byte[] file = register.csv();
        String sha = RegisterRows.sha256(file);
        assertThat(Register.dryRun(api, port, HEAD, file).status()).isEqualTo(200);
        importAndAwait(file, sha);
        long events = events();

        JsonNode again = Register.dryRun(api, port, HEAD, file).json();
        assertThat(again.get("rowsUnchanged").asInt()).isEqualTo(3);
        assertThat(again.get("rowsToImport").asInt()).isZero();
        JsonNode second = importAndAwait(file, sha);
        assertThat(second.get("rowsImported").asInt()).isZero();
        assertThat(second.get("rowsUnchanged").asInt()).isEqualTo(3);
        assertThat(events()).isEqualTo(events);

        register.with(RegisterColumn.OUTCOME, "(一) 予以公开");
        byte[] corrected = register.csv();
        JsonNode check = Register.dryRun(api, port, HEAD, corrected).json();
        assertThat(check.get("differing")).hasSize(1);
        assertThat(check.get("differing").get(0).get("row").asInt()).isEqualTo(4);
        assertThat(check.get("differing").get(0).get("registrationNumber").asText()).isEqualTo("D-3");
        assertThat(check.get("confirmable").asBoolean()).isFalse();
        Response refused = Register.confirm(api, port, HEAD, corrected, check.get("fileSha256").asText());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void theOpenApplicationsOfTheImportAreCheckedAgainstTheEnteredBaseline() {
        Response baseline = api.put(HEAD, "/api/imports/opening-balance/2019", """
                {"carriedForward":{"NATURAL_PERSON":2,"COMMERCIAL_ENTERPRISE":0}}""");
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(200);
        Register register = new Register()
                .row("B-1", LocalDate.of(2019, 12, 20), "自然人", "(一) 予以公开", LocalDate.of(2020, 1, 10))
                .row("B-2", LocalDate.of(2019, 12, 21), "商业企业", "(一) 予以公开", LocalDate.of(2020, 1, 10))
                .row("B-3", LocalDate.of(2020, 2, 21), "自然人", "(一) 予以公开", LocalDate.of(2020, 3, 10));

        JsonNode report = Register.dryRun(api, port, HEAD, register.csv()).json();

        List<String> differences = new ArrayList<>();
        report.get("openingBalance").forEach(d -> differences.add(d.get("year").asInt() + " " + d.get("column").asText() + " "
                + d.get("baseline").asLong() + " " + d.get("imported").asLong()));
        assertThat(differences).containsExactlyInAnyOrder("2020 NATURAL_PERSON 2 1", "2020 COMMERCIAL_ENTERPRISE 0 1");
        assertThat(report.get("openingBalance").get(0).get("messageZh").asText()).contains("结转下年度继续办理");
        assertThat(report.get("tables").get("2020").get("CARRIED_OVER").get("TOTAL").asLong()).isEqualTo(2);
    }

    @Test
    void unreadableFilesAndMissingColumnsAre400NamingTheFieldAndTheTemplateReadsBack() {
        Response empty = Register.dryRun(api, port, HEAD, new byte[0]);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        Response notUtf8 = Register.dryRun(api, port, HEAD, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
        assertThat(notUtf8.json().get("fields").get(0).get("field").asText()).isEqualTo("file");
        Response brokenZip = Register.dryRun(api, port, HEAD, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThat(brokenZip.status()).as(brokenZip.toString()).isEqualTo(400);
        Response missing = Register.dryRun(api, port, HEAD, "登记号,收到申请日期\n1,2024-01-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        missing.json().get("fields").forEach(f -> fields.add(f.get("field").asText() + "/" + f.get("label").asText()));
        assertThat(fields).contains("channel/申请渠道", "applicantCategory/申请人类型", "informationRequested/申请内容");
        Response badQuote = Register.dryRun(api, port, HEAD, (new String(new Register().csv(), StandardCharsets.UTF_8)
                + "\"unclosed,2024-01-01\n").getBytes(StandardCharsets.UTF_8));
        assertThat(badQuote.status()).as(badQuote.toString()).isIn(200, 400);
        Response json = api.post(HEAD, "/api/imports/dry-run", "{}");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);

        for (String format : List.of("CSV", "xlsx")) {
            Response template = api.send(HEAD, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/imports/template?format=" + format)).GET());
            assertThat(template.status()).as(template.toString()).isEqualTo(200);
            byte[] bytes = api.sendForBytes(HEAD, "/api/imports/template?format=" + format);
            Response checked = Register.dryRun(api, port, HEAD, bytes);
            assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
            assertThat(checked.json().get("rowsTotal").asInt()).isEqualTo(1);
            assertThat(checked.json().get("refused")).as(checked.body()).isEmpty();
        }
        Response unknown = api.get(HEAD, "/api/imports/template?format=PDF");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("fields").get(0).get("field").asText()).isEqualTo("format");
    }

    @Test
    void whileAnImportsTransactionIsOpenOnAnyInstanceACommandWaitsForItsEnd() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another instance's import: the gate's lock taken in a transaction of its own connection
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() ->
                transactions.executeWithoutResult(status -> {
                    gate.holdCommandsBack();
                    holding.countDown();
                    awaitLatch(release);
                }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        CompletableFuture<Response> command = CompletableFuture.supplyAsync(() ->
                api.post("handler-kaifaqu", "/api/requests", RequestJson.received(today)));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !command.isDone());
        release.countDown();
        otherInstance.get(30, TimeUnit.SECONDS);
        Response registered = command.get(30, TimeUnit.SECONDS);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheHeadAndTheAdministratorImport() {
        byte[] file = new Register().row("X-1", LocalDate.of(2024, 1, 2), "自然人", null, null).csv();
        assertThat(Register.dryRun(api, port, "handler-kaifaqu", file).status()).isEqualTo(403);
        assertThat(Register.dryRun(api, port, "admin-kaifaqu", file).status()).isEqualTo(200);
        Response dryRun = Register.dryRun(api, port, "admin-kaifaqu", file);
        Response ofOtherAgency = api.get("head-yicheng", "/api/imports/" + dryRun.json().get("importId").asText());
        assertThat(ofOtherAgency.status()).isEqualTo(404);
    }

    private JsonNode importAndAwait(byte[] file, String sha) {
        Response started = Register.confirm(api, port, HEAD, file, sha);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.location();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(api.get(HEAD, location).json().get("status").asText()));
        JsonNode done = api.get(HEAD, location).json();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        return done;
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
