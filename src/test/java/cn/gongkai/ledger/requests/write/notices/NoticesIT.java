package cn.gongkai.ledger.requests.write.notices;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import cn.gongkai.ledger.requests.ApplicationSteps;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Letters issued through the API on the real database: the 文号 series under concurrency and refusals,
 * the stored files against the hashes in the events, and what an erasure leaves.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {"gongkai.test.database=notices", "gongkai.personal-data.retention=P1D"})
class NoticesIT {

    private static final Pattern NUMBER = Pattern.compile("〔(\\d{4})〕(\\d+)号$");

    @Autowired
    JdbcClient jdbc;

    Api api;
    @Today
    LocalDate today;

    @Test
    void fiftyLettersIssuedConcurrentlyForOneAgencyAndYearGetFiftyNumbersWithoutAGap() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(ApplicationSteps.register(api, today));
        }
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = ids.get(i);
            calls.add(() -> api.post("handler-kaifaqu", "/api/requests/" + id + "/notices", """
                    {"noticeKind":"ACKNOWLEDGEMENT","issuedOn":"%s"}""".formatted(today)));
            if (i % 5 == 0) {
                // refused between them, after the number was drawn: its transaction rolls the number back
                calls.add(() -> api.post("handler-kaifaqu", "/api/requests/" + id + "/notices", """
                        {"noticeKind":"EXTENSION_NOTICE","issuedOn":"%s"}""".formatted(today)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Response> answers = new ArrayList<>();
        try {
            for (Future<Response> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        List<Response> issued = answers.stream().filter(a -> a.status() == 201).toList();
        List<Response> refused = answers.stream().filter(a -> a.status() != 201).toList();
        assertThat(issued).hasSize(50);
        assertThat(refused).hasSize(10).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(422);
            assertThat(a.json().get("rule").asString()).isEqualTo("NoticeFollowsItsStep");
        });
        List<Integer> numbers = new ArrayList<>();
        for (Response answer : issued) {
            Matcher matcher = NUMBER.matcher(answer.json().get("documentNumber").asString());
            assertThat(matcher.find()).as(answer.toString()).isTrue();
            assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(today.getYear());
            numbers.add(Integer.parseInt(matcher.group(2)));
        }
        int first = numbers.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertThat(numbers).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(first, first + 50).boxed().toList());
        int counter = jdbc.sql("select last_number from notice_counter where agency_id = 'kaifaqu' and year = ?")
                .param(today.getYear()).query(Integer.class).single();
        assertThat(counter).as("no refused letter consumed a number").isEqualTo(first + 49);
    }

    @Test
    void theIssuedFilesMatchTheirHashesUntilTheErasureAndTheHistoryKeepsTheLetter() throws Exception {
        String id = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, id, "DISCLOSED", today.minusDays(1));
        String notices = "/api/requests/" + id + "/notices";
        int counterBefore = counter();

        Response differing = api.post("handler-kaifaqu", notices, """
                {"noticeKind":"ANSWER","outcome":"WITHHELD_STATE_SECRET","issuedOn":"%s"}""".formatted(today));
        assertThat(differing.status()).as(differing.toString()).isEqualTo(422);
        assertThat(differing.json().get("rule").asString()).isEqualTo("AnswerLetterMatchesApprovedDraft");
        assertThat(counter()).isEqualTo(counterBefore);
        assertThat(storedFiles(id)).isZero();

        Response preview = api.get("handler-kaifaqu", notices + "/preview?noticeKind=ANSWER&format=HTML");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body()).contains("第三十六条第（二）项").contains("张三").contains("申请行政复议");
        assertThat(counter()).as("a preview draws no number").isEqualTo(counterBefore);
        assertThat(storedFiles(id)).isZero();

        Response issued = api.post("handler-kaifaqu", notices, """
                {"noticeKind":"ANSWER","issuedOn":"%s"}""".formatted(today));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode letter = issued.json();
        assertThat(letter.get("outcome").asString()).isEqualTo("DISCLOSED");
        String noticeId = letter.get("noticeId").asString();
        assertThat(Notices.sha256(download(notices + "/" + noticeId + "/docx").body()))
                .isEqualTo(letter.get("sha256Docx").asString());
        assertThat(Notices.sha256(download(notices + "/" + noticeId + "/pdf").body()))
                .isEqualTo(letter.get("sha256Pdf").asString());
        assertThat(storedFiles(id)).isEqualTo(2);

        Response delivered = api.post("handler-kaifaqu", notices + "/" + noticeId + "/delivery", """
                {"deliveryMethod":"POST","deliveredOn":"%s","trackingNumber":"1180123456789"}""".formatted(today));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        JsonNode listed = api.get("auditor-kaifaqu", notices).json().get(0);
        assertThat(listed.get("documentNumber").asString()).isEqualTo(letter.get("documentNumber").asString());
        assertThat(listed.get("delivery").get("trackingNumber").asString()).isEqualTo("1180123456789");
        assertThat(listed.get("reconsiderationBy").asString()).isEqualTo(today.plusDays(60).toString());
        assertThat(listed.get("litigationBy").asString()).isEqualTo(today.plusMonths(6).toString());

        Response erased = api.post("admin-kaifaqu", "/api/requests/" + id + "/personal-data-erasure", """
                {"reason":"保存期限届满，依档案管理规定删除"}""");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        HttpResponse<byte[]> afterErasure = download(notices + "/" + noticeId + "/docx");
        assertThat(afterErasure.statusCode()).isEqualTo(422);
        assertThat(new String(afterErasure.body(), StandardCharsets.UTF_8)).contains("LetterErasedWithApplicantData");
        assertThat(storedFiles(id)).as("the ciphertext stays, its key is gone").isEqualTo(2);
        JsonNode stillListed = api.get("handler-kaifaqu", notices).json().get(0);
        assertThat(stillListed.get("sha256Docx").asString()).isEqualTo(letter.get("sha256Docx").asString());
        assertThat(stillListed.get("fileReadable").asBoolean()).isFalse();
        JsonNode history = api.get("handler-kaifaqu", "/api/requests/" + id).json().get("history");
        JsonNode step = null;
        for (JsonNode candidate : history) {
            if (candidate.get("type").asString().equals("NoticeIssued")) {
                step = candidate;
            }
        }
        assertThat(step).isNotNull();
        assertThat(step.get("label").asString()).isEqualTo("出具答复书（" + letter.get("documentNumber").asString() + "）");
        assertThat(step.get("details").get("sha256Docx").asString()).isEqualTo(letter.get("sha256Docx").asString());
        Response again = api.post("handler-kaifaqu", notices, """
                {"noticeKind":"ACKNOWLEDGEMENT","issuedOn":"%s"}""".formatted(today));
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.json().get("rule").asString()).isEqualTo("NoLetterAfterErasure");
    }

    @Test
    void theAnswerLetterForAnApprovedAnswerGivesTheAnswerInTheSameTransaction() {
        String id = ApplicationSteps.register(api, today.minusDays(2));
        String path = "/api/requests/" + id;
        assertThat(api.post("handler-kaifaqu", path + "/answer-draft", """
                {"outcome":"PARTIALLY_DISCLOSED","legalBasis":"条例第三十七条","text":"涉及个人隐私的部分不予公开。","draftedOn":"%s"}"""
                .formatted(today)).status()).isEqualTo(200);
        assertThat(api.post("reviewer-kaifaqu", path + "/answer-draft/approval", """
                {"approvedOn":"%s"}""".formatted(today)).status()).isEqualTo(200);

        Response issued = api.post("handler-kaifaqu", path + "/notices", """
                {"noticeKind":"ANSWER","outcome":"PARTIALLY_DISCLOSED","issuedOn":"%s"}""".formatted(today));

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode view = api.get("handler-kaifaqu", path).json();
        assertThat(view.get("status").asString()).isEqualTo("CONCLUDED");
        assertThat(view.get("outcome").asString()).isEqualTo("PARTIALLY_DISCLOSED");
    }

    @Test
    void theAgencysAdministratorRewordsALetterAndTheLetterRecordsTheVersionItWasIssuedWith() {
        Response unknown = api.put("admin-kaifaqu", "/api/admin/notice-templates/ACKNOWLEDGEMENT", """
                {"templateText": "本机关已收到您的申请（{{不存在的占位符}}）。"}""");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(api.put("handler-kaifaqu", "/api/admin/notice-templates/ACKNOWLEDGEMENT", """
                {"templateText": "经办人不能改。"}""").status()).isEqualTo(403);

        Response text = api.put("admin-kaifaqu", "/api/admin/notice-templates/ACKNOWLEDGEMENT", """
                {"templateText": "本机关于{{收到申请日期}}收到您的政府信息公开申请，登记号{{登记号}}，特此回执。\\n本机关将于{{答复期限}}前答复。"}""");
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        int templateVersion = text.json().get("version").asInt();
        Response letterhead = api.put("admin-kaifaqu", "/api/admin/notice-templates/letterhead", """
                {"agencyName": "驻马店经济开发区管理委员会", "numberPrefix": "驻经开依申请", "sealText": "驻马店经济开发区管理委员会",
                 "reconsiderationAuthority": "驻马店市人民政府", "court": "驻马店市驿城区人民法院"}""");
        assertThat(letterhead.status()).as(letterhead.toString()).isEqualTo(200);
        int letterheadVersion = letterhead.json().get("version").asInt();
        assertThat(templateVersion).isPositive();
        assertThat(letterheadVersion).isPositive();

        String id = ApplicationSteps.register(api, today.minusDays(1));
        String path = "/api/requests/" + id + "/notices";
        Response preview = api.get("handler-kaifaqu", path + "/preview?noticeKind=ACKNOWLEDGEMENT&format=HTML");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.body()).contains("特此回执", "驻马店经济开发区管理委员会");

        Response issued = api.post("handler-kaifaqu", path, """
                {"noticeKind":"ACKNOWLEDGEMENT","issuedOn":"%s"}""".formatted(today));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode letter = api.get("auditor-kaifaqu", path).json().get(0);
        assertThat(letter.get("templateVersion").asInt()).isEqualTo(templateVersion);
        assertThat(letter.get("letterheadVersion").asInt()).isEqualTo(letterheadVersion);
        assertThat(letter.get("documentNumber").asString()).startsWith("驻经开依申请〔" + today.getYear() + "〕");
    }

    private int counter() {
        return jdbc.sql("select coalesce(max(last_number), 0) from notice_counter where agency_id = 'kaifaqu'")
                .query(Integer.class).single();
    }

    private int storedFiles(String id) {
        return jdbc.sql("select count(*) from notice_file where request_id = ?::uuid").param(id)
                .query(Integer.class).single();
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("handler-kaifaqu:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
