package cn.gongkai.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.requests.imports.Register;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * 导入台账 as a browser meets it: who sees the page, a dry run's refused rows by row, column and reason, a clean
 * file confirmed with the same file and followed to 已完成, another file refused with the service's message, a bad
 * file answered on the page. The pages are saved under target/import-pages for a look.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=import-pages")
class ImportPagesIT {

    private static final Pattern REPORT = Pattern.compile("/imports/([0-9a-f-]{36})$");
    private static final Pattern SHA = Pattern.compile("name=\"sha256\" value=\"([0-9a-f]{64})\"");

    @LocalServerPort
    int port;

    private PageSession as(String username) throws Exception {
        return new PageSession(port).signedIn(username);
    }

    @Test
    void theHeadSeesTheImportPageAndAHandlerIsRefused() throws Exception {
        PageSession head = as("head-kaifaqu");
        HttpResponse<String> page = head.get("/imports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>导入台账</h1>").contains("href=\"/imports\"").contains("试导入")
                .contains("/imports/template?format=XLSX").contains("enctype=\"multipart/form-data\"")
                .contains("结转下年度继续办理").contains("name=\"_csrf\"");
        save("index", page);
        HttpResponse<String> template = head.get("/imports/template?format=CSV");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).contains("登记号").contains("收到申请日期");

        PageSession handler = as("handler-kaifaqu");
        assertThat(handler.get("/requests").body()).doesNotContain("href=\"/imports\"");
        HttpResponse<String> refused = handler.get("/imports");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("无权访问");
        assertThat(handler.postFile("/imports/dry-run", Map.of(), "file", "register.csv",
                new Register().row("H-1", LocalDate.of(2024, 3, 1), "自然人", null, null).csv()).statusCode()).isEqualTo(403);
    }

    @Test
    void aDryRunShowsEachRefusedRowWithItsColumnAndReasonAndOffersNoConfirmation() throws Exception {
        PageSession head = as("head-kaifaqu");
        head.get("/imports");
        Register register = new Register()
                .row("PR-1", LocalDate.of(2024, 3, 1), "自然人", "(一) 予以公开", LocalDate.of(2024, 3, 20))
                .row("PR-2", LocalDate.of(2024, 3, 1), "个体户", null, null);

        HttpResponse<String> report = follow(head, head.postFile("/imports/dry-run", Map.of(), "file", "register.csv",
                register.csv()));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("试导入结果").contains("被拒绝的行（1）")
                .containsPattern("<td class=\"num\">3</td>\\s*<td>申请人类型</td>\\s*<td>申请人类型：未知的申请人类型")
                .contains("UnknownApplicantCategory").contains("不能导入").doesNotContain("id=\"confirm-form\"");
        save("refused", report);
    }

    @Test
    void aCleanFileConfirmedWithTheSameFileIsImportedAndAnotherFileIsRefused() throws Exception {
        PageSession head = as("head-kaifaqu");
        head.get("/imports");
        HttpResponse<String> badBalance = head.post("/imports/opening-balance", Map.of("year", "2023",
                "NATURAL_PERSON", "-1"), true);
        assertThat(badBalance.statusCode()).isEqualTo(400);
        assertThat(badBalance.body()).contains("自然人：件数应为 0 至 1000000 的整数");
        HttpResponse<String> balance = head.post("/imports/opening-balance", Map.of("year", "2023",
                "NATURAL_PERSON", "1"), true);
        assertThat(balance.statusCode()).isEqualTo(302);
        assertThat(head.get("/imports").body()).contains("2023 年度“结转下年度继续办理”已录入（共 1 件）");
        Register register = new Register()
                .row("PC-1", LocalDate.of(2024, 3, 1), "自然人", "(一) 予以公开", LocalDate.of(2024, 3, 20))
                .row("PC-2", LocalDate.of(2024, 12, 20), "商业企业", "1.属于国家秘密", LocalDate.of(2025, 1, 15))
                .row("PC-3", LocalDate.of(2024, 5, 6), "法律服务机构", "申请人撤回", LocalDate.of(2024, 5, 8));
        byte[] file = register.csv();

        HttpResponse<String> report = follow(head, head.postFile("/imports/dry-run", Map.of(), "file", "register.csv", file));

        assertThat(report.body()).contains("检查通过").contains("id=\"confirm-form\"").contains("确认导入 3 行")
                .contains("2024年度").contains("一、本年新收政府信息公开申请数量").contains("四、结转下年度继续办理")
                .contains("与上年度结转基数的差异").contains("2023 年度报告“结转下年度继续办理”（自然人）为 1");
        save("report", report);
        Matcher sha = SHA.matcher(report.body());
        assertThat(sha.find()).isTrue();
        String reportPath = report.uri().getPath();

        byte[] another = new Register().row("PC-9", LocalDate.of(2024, 3, 1), "自然人", null, null).csv();
        HttpResponse<String> refused = head.postFile(reportPath + "/confirm", Map.of("sha256", sha.group(1)), "file",
                "other.csv", another);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("确认的 SHA-256 与上传文件的不一致").contains("id=\"confirm-problem\"");
        save("another-file", refused);

        HttpResponse<String> started = head.postFile(reportPath + "/confirm", Map.of("sha256", sha.group(1)), "file",
                "register.csv", file);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String progress = java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(progress).matches(".*/imports/[0-9a-f-]{36}$").isNotEqualTo(reportPath);
        await().atMost(Duration.ofSeconds(60)).until(() -> head.get(progress).body().contains("已完成"));
        HttpResponse<String> done = head.get(progress);
        assertThat(done.body()).contains("导入已完成：导入 3 行").contains("href=\"/year/2024\"").contains("href=\"/year/2025\"")
                .doesNotContain("http-equiv=\"refresh\"");
        save("done", done);
        assertThat(head.get("/imports").body()).contains("已完成").contains(sha.group(1).substring(0, 12));
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsAnsweredOnThePageAndNothingIsStored() throws Exception {
        PageSession head = as("head-kaifaqu");
        long before = imports(head.get("/imports"));
        HttpResponse<String> missing = head.postFile("/imports/dry-run", Map.of(), "file", "notes.csv",
                "登记号,备注\r\n1,无\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"file-problem\"").contains("缺少必需的列：收到申请日期")
                .doesNotContain("Exception");
        save("missing-column", missing);
        HttpResponse<String> nothing = head.postFile("/imports/dry-run", Map.of(), "file", "empty.csv", new byte[0]);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("请选择要导入的台账文件");
        assertThat(imports(head.get("/imports"))).isEqualTo(before);
    }

    /** How many imports and dry runs the page lists. */
    private static long imports(HttpResponse<String> page) {
        return Pattern.compile("href=\"/imports/[0-9a-f-]{36}\"").matcher(page.body()).results().count();
    }

    private static HttpResponse<String> follow(PageSession session, HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(REPORT.matcher(location).find()).as(location).isTrue();
        return session.get(java.net.URI.create(location).getPath());
    }

    /** The page as rendered, with the stylesheet beside it, for a person (or a screenshot) to look at. */
    private static void save(String name, HttpResponse<String> page) throws Exception {
        Path dir = Path.of("target", "import-pages");
        Files.createDirectories(dir.resolve("css"));
        Files.copy(Path.of("src/main/resources/static/css/ledger.css"), dir.resolve("css/ledger.css"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(name + ".html"), page.body().replace("href=\"/css/ledger.css\"", "href=\"css/ledger.css\""));
    }
}
