package cn.gongkai.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.RequestJson;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The 年度报表, 审计 and 管理 pages by role, as {@code /api/statistics}, {@code /api/audit},
 * {@code /api/integrity/chain}, {@code /api/admin/users} and {@code /api/calendar} allow: who sees them, who gets the
 * Chinese 403 page, another agency's application and user not found, refused forms naming the field.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=pages-walk-through")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficePagesIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    String requestId;
    LocalDate today;

    @BeforeAll
    void anApplicationOfKaifaqu() {
        today = BusinessClock.today(clock);
        // another applicant than the walk-through's, whose repeat-application warning shares this database
        Api.Response registered = new Api(port).post("handler-kaifaqu", "/api/requests",
                RequestJson.received(today).replace("410102199001011234", "11010519491231002X"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        requestId = registered.json().get("requestId").asText();
    }

    private PageSession as(String username) throws Exception {
        return new PageSession(port).signedIn(username);
    }

    @Test
    void theAuditorSeesAnApplicationsHistoryTheYearsChangesAndTheChainWithCsvDownloads() throws Exception {
        PageSession auditor = as("auditor-kaifaqu");
        assertThat(auditor.get("/audit").body()).contains("<h1>审计</h1>").contains("防篡改链");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> auditor.get("/audit/requests/" + requestId).statusCode() == 200);
        HttpResponse<String> history = auditor.get("/audit/requests/" + requestId);
        assertThat(history.body()).contains("的全部步骤").contains("handler-kaifaqu").contains("经办人");
        HttpResponse<String> csv = auditor.get("/audit/requests/" + requestId + "/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("登记号").contains("handler-kaifaqu");
        assertThat(auditor.get("/audit/years/" + today.getYear() + "/changes").body()).contains("年度的事后变更");
        assertThat(auditor.get("/audit/years/" + today.getYear() + "/changes/csv").body()).contains("变更类型");
        HttpResponse<String> activity = auditor.get("/audit/activity?username=handler-kaifaqu&from="
                + today.withDayOfMonth(1) + "&to=" + today);
        assertThat(activity.statusCode()).isEqualTo(200);
        assertThat(activity.body()).contains("handler-kaifaqu 在");
        HttpResponse<String> chain = auditor.get("/audit/chain");
        assertThat(chain.statusCode()).isEqualTo(200);
        assertThat(chain.body()).contains("核验结果：");
    }

    @Test
    void aRefusedAuditQueryNamesItsField() throws Exception {
        PageSession auditor = as("auditor-kaifaqu");
        HttpResponse<String> backwards = auditor.get("/audit/activity?username=handler-kaifaqu&from=" + today
                + "&to=" + today.minusDays(3));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"to-problem\"").contains("截止日期不能早于起始日期");
        HttpResponse<String> noNumber = auditor.get("/audit/requests?number=");
        assertThat(noNumber.body()).contains("id=\"number-problem\"").contains("请填写登记号");
    }

    @Test
    void anotherAgencysApplicationAndUserAreNotFound() throws Exception {
        PageSession auditor = as("auditor-yicheng");
        assertThat(auditor.get("/audit/requests/" + requestId).statusCode()).isEqualTo(404);
        assertThat(auditor.get("/audit/requests/" + UUID.randomUUID()).body()).contains("未找到");
        assertThat(auditor.get("/audit/requests/" + requestId + "/csv").statusCode()).isEqualTo(404);
        PageSession admin = as("admin-yicheng");
        assertThat(admin.get("/admin/users/handler-kaifaqu").statusCode()).isEqualTo(404);
        assertThat(admin.post("/admin/users/handler-kaifaqu/disable", Map.of(), true).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin").body()).contains("handler-yicheng").doesNotContain("handler-kaifaqu");
    }

    @Test
    void eachPageIsRefusedInChineseToTheRolesTheApiRefuses() throws Exception {
        PageSession handler = as("handler-kaifaqu");
        for (String path : new String[] {"/audit", "/audit/chain", "/admin", "/admin/calendar/2027"}) {
            HttpResponse<String> page = handler.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("无权访问");
        }
        assertThat(handler.get("/year/" + today.getYear()).statusCode()).isEqualTo(200);
        PageSession head = as("head-kaifaqu");
        assertThat(head.get("/audit").statusCode()).isEqualTo(200);
        assertThat(head.get("/audit/chain").statusCode()).isEqualTo(403);
        assertThat(head.get("/admin").statusCode()).isEqualTo(403);
        PageSession admin = as("admin-kaifaqu");
        assertThat(admin.get("/audit/chain").statusCode()).isEqualTo(200);
        assertThat(admin.get("/audit").statusCode()).isEqualTo(403);
        assertThat(admin.get("/year/" + today.getYear()).statusCode()).isEqualTo(403);
        PageSession reviewer = as("reviewer-kaifaqu");
        reviewer.get("/year/" + today.getYear());
        assertThat(reviewer.post("/year/" + today.getYear() + "/close", Map.of(), true).statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/year/1900").statusCode()).isEqualTo(400);
    }

    @Test
    void theAdministratorCreatesAUserWithTheApisRulesAndCannotGrantThemselvesRoles() throws Exception {
        PageSession admin = as("admin-kaifaqu");
        assertThat(admin.get("/admin").body()).contains("本机关的用户").contains("handler-kaifaqu");
        HttpResponse<String> bad = admin.post("/admin/users", Map.of("username", "X", "displayName", "",
                "password", "short"), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"username-problem\"").contains("id=\"displayName-problem\"")
                .contains("id=\"roles-problem\"").contains("id=\"password-problem\"").contains("value=\"X\"")
                .doesNotContain("short");
        String username = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin");
        HttpResponse<String> created = admin.post("/admin/users", Map.of("username", username,
                "displayName", "页面新建用户", "roles", "AUDITOR", "password", "a-long-enough-password"), true);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + username).body()).contains("页面新建用户");
        HttpResponse<String> selfGrant = admin.post("/admin/users/admin-kaifaqu/roles",
                Map.of("roles", "HANDLER"), true);
        assertThat(selfGrant.statusCode()).isEqualTo(422);
        assertThat(selfGrant.body()).contains("id=\"roles-problem\"").contains("不能给自己的账号增加角色");
        admin.get("/admin/users/" + username);
        assertThat(admin.post("/admin/users/" + username + "/disable", Map.of(), true).statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + username).body()).contains("已停用");
    }

    @Test
    void theAdministratorReloadsAYearsCalendarFromTheFormAndABadDateIsNamed() throws Exception {
        PageSession admin = as("admin-kaifaqu");
        HttpResponse<String> page = admin.get("/admin/calendar/2027");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> bad = admin.post("/admin/calendar/2027",
                Map.of("holidays", "2027-13-01 元旦", "adjustedWorkdays", ""), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"holidays-problem\"").contains("日期格式应为 YYYY-MM-DD")
                .contains("2027-13-01 元旦");
        // the year as the form shows it, loaded again: the walk-through's deadlines in 2027 stay as they are
        admin.get("/admin/calendar/2027");
        HttpResponse<String> loaded = admin.post("/admin/calendar/2027", Map.of(
                "holidays", textarea(page.body(), "holidays-text"),
                "adjustedWorkdays", textarea(page.body(), "adjusted-text")), true);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(302);
        assertThat(admin.get("/admin/calendar/2027").body()).contains("变更记录").contains("admin-kaifaqu");
        assertThat(admin.get("/admin/calendar/1900").body()).contains("输入有误");
    }

    @Test
    void theFeeIsNoticedAndWaivedAndTheConcludedApplicationCorrectedFromItsPage() throws Exception {
        Api.Response registered = new Api(port).post("handler-kaifaqu", "/api/requests",
                RequestJson.received(today).replace("410102199001011234", "110101198001010011"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("requestId").asText();
        PageSession handler = as("handler-kaifaqu");
        assertThat(handler.get("/requests/" + id).body()).contains("id=\"action-fee-notice\"");

        HttpResponse<String> bad = handler.post("/requests/" + id + "/fee-notice", Map.of("method", "PER_PAGE",
                "quantity", "0", "issuedOn", today.toString(), "payableBy", today.plusDays(15).toString()), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"fn-quantity-problem\"").contains("至少为1")
                .contains("value=\"0\"").contains("<option value=\"PER_PAGE\" selected=\"selected\"");

        HttpResponse<String> issued = handler.post("/requests/" + id + "/fee-notice", Map.of("method", "PER_PAGE",
                "quantity", "40", "issuedOn", today.toString(), "payableBy", today.plusDays(15).toString()), true);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(302);
        // 40 pages: pages 31 to 40 at 10 yuan each
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(handler.get("/requests/" + id).body())
                .contains("<strong>发出收费通知</strong>").contains("¥100.00")
                .contains("id=\"action-fee-payment\"").doesNotContain("id=\"action-fee-notice\""));

        PageSession reviewer = as("reviewer-kaifaqu");
        assertThat(reviewer.get("/requests/" + id).body()).contains("id=\"action-fee-waiver\"")
                .doesNotContain("id=\"action-fee-payment\"");
        HttpResponse<String> waived = reviewer.post("/requests/" + id + "/fee-waiver",
                Map.of("reason", "申请人经济困难", "waivedOn", today.toString()), true);
        assertThat(waived.statusCode()).as(waived.body()).isEqualTo(302);
        handler.get("/requests/" + id);
        HttpResponse<String> withdrawn = handler.post("/requests/" + id + "/withdrawal",
                Map.of("reason", "", "withdrawnOn", today.toString()), true);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(302);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reviewer.get("/requests/" + id).body())
                .contains("id=\"action-outcome-correction\"").contains("id=\"action-category-correction\""));
        HttpResponse<String> corrected = reviewer.post("/requests/" + id + "/category-correction",
                Map.of("correctedCategory", "COMMERCIAL_ENTERPRISE", "reason", "登记时误选", "correctedOn",
                        today.toString()), true);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(reviewer.get("/requests/" + id).body())
                .contains("<dt>申请人类别</dt><dd>商业企业</dd>"));
    }

    private static String textarea(String html, String id) {
        Matcher text = Pattern.compile("<textarea id=\"" + id + "\"[^>]*>([^<]*)</textarea>").matcher(html);
        assertThat(text.find()).as(id).isTrue();
        return text.group(1);
    }
}
