package cn.gongkai.ledger.access.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.RequestJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A city (市) over two departments set up through the API alone, by the platform administrator, down
 * to the applications each department answers, and the city's roll-up summing both; the tree refuses
 * cycles, every change is recorded with who and why, and the platform administrator reads no
 * agency's applications.
 */
@LedgerIntegrationTest
// its own database: the agencies it creates and renames are its own
@TestPropertySource(properties = "gongkai.test.database=agency-setup")
class AgencySetupIT {

    private static final String PLATFORM = "platform-admin";
    private static final String PASSWORD = "initial-password-2026";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCityOverTwoDepartmentsSetUpThroughTheApiRollsUpBoth() {
        Api api = new Api(port);
        LocalDate today = BusinessClock.today(clock);
        int year = today.getYear();

        // the platform administrator sets up the city and its two departments, one placed later
        assertThat(created(api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"zhumadian","name":"驻马店市人民政府","reason":"市级汇总"}"""))).isEqualTo("zhumadian");
        assertThat(created(api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"zhumadian-jyj","name":"驻马店市教育局","parentId":"zhumadian","reason":"市直部门"}""")))
                .isEqualTo("zhumadian-jyj");
        assertThat(created(api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"zhumadian-wjw","name":"驻马店市卫生健康委员会","reason":"市直部门"}""")))
                .isEqualTo("zhumadian-wjw");
        Response placed = api.put(PLATFORM, "/api/platform/agencies/zhumadian-wjw/parent", """
                {"parentId":"zhumadian","reason":"归入市级汇总"}""");
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
        assertThat(placed.json().get("parentName").asString()).isEqualTo("驻马店市人民政府");
        JsonNode city = api.get(PLATFORM, "/api/platform/agencies/zhumadian").json();
        assertThat(city.get("children").findValuesAsString("agencyId")).containsExactly("zhumadian-jyj", "zhumadian-wjw");

        // each one's first ADMIN, once
        administrator(api, "zhumadian", "admin-zmd");
        administrator(api, "zhumadian-jyj", "admin-zmd-jyj");
        administrator(api, "zhumadian-wjw", "admin-zmd-wjw");
        Response second = api.post(PLATFORM, "/api/platform/agencies/zhumadian-jyj/administrators", """
                {"username":"admin2-zmd-jyj","displayName":"第二管理员","password":"%s","reason":"再建一个"}"""
                .formatted(PASSWORD));
        assertThat(second.status()).as(second.toString()).isEqualTo(422);
        assertThat(second.json().get("rule").asString()).isEqualTo("FirstAdministratorOnlyOnce");

        // the ADMINs create their staff; the departments' handlers register and answer an application each
        user(api, "admin-zmd", "zhumadian", "auditor-zmd", "AUDITOR");
        for (String department : List.of("jyj", "wjw")) {
            String agency = "zhumadian-" + department;
            user(api, "admin-zmd-" + department, agency, "handler-zmd-" + department, "HANDLER");
            user(api, "admin-zmd-" + department, agency, "reviewer-zmd-" + department, "REVIEWER");
            String handler = "handler-zmd-" + department;
            Response registered = as(handler, "POST", "/api/requests", RequestJson.received(today));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String path = "/api/requests/" + registered.json().get("requestId").asString();
            List<Response> steps = List.of(
                    as(handler, "POST", path + "/answer-draft", """
                            {"outcome":"DISCLOSED","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}"""
                            .formatted(today)),
                    as("reviewer-zmd-" + department, "POST", path + "/answer-draft/approval",
                            RequestJson.date("approvedOn", today)),
                    as(handler, "POST", path + "/answer", RequestJson.date("answeredOn", today)));
            assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
        }

        // the city's table rolled up sums both departments; alone it has none of its own
        String rollUp = "/api/statistics/" + year + "?rollup=true";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                cells(as("auditor-zmd", "GET", rollUp, null)).get("DISCLOSED").get("TOTAL").asLong() == 2);
        JsonNode rolledUp = as("auditor-zmd", "GET", rollUp, null).json();
        assertThat(rolledUp.get("agencies").toString().replaceAll("[\\[\\]\"]", "").split(","))
                .containsExactlyInAnyOrder("zhumadian", "zhumadian-jyj", "zhumadian-wjw");
        assertThat(rolledUp.get("part3").get("cells").get("RECEIVED").get("TOTAL").asLong()).isEqualTo(2);
        assertThat(rolledUp.get("reconciled").asBoolean()).isTrue();
        assertThat(cells(as("auditor-zmd", "GET", "/api/statistics/" + year, null)).get("RECEIVED").get("TOTAL")
                .asLong()).isZero();
        assertThat(cells(as("auditor-zmd", "GET", "/api/statistics/" + year + "?agency=zhumadian-jyj", null))
                .get("RECEIVED").get("TOTAL").asLong()).isEqualTo(1);

        // the tree refuses a cycle and a self-parent, and the table stays as it was
        Response cycle = api.put(PLATFORM, "/api/platform/agencies/zhumadian/parent", """
                {"parentId":"zhumadian-jyj","reason":"试图形成循环"}""");
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(422);
        assertThat(cycle.json().get("rule").asString()).isEqualTo("NoCycleInAgencyTree");
        assertThat(cycle.json().get("message").asString()).contains("zhumadian-jyj").contains("循环");
        assertThat(cycle.json().get("messageEn").asString()).contains("cycle");
        assertThat(cycle.json().get("fields").get(0).get("label").asString()).isEqualTo("上级机关");
        Response self = api.put(PLATFORM, "/api/platform/agencies/zhumadian/parent", """
                {"parentId":"zhumadian","reason":"自己"}""");
        assertThat(self.status()).as(self.toString()).isEqualTo(422);
        assertThat(self.json().get("rule").asString()).isEqualTo("AgencyNotItsOwnParent");
        assertThat(api.get(PLATFORM, "/api/platform/agencies/zhumadian").json().get("parentId").isNull()).isTrue();
    }

    @Test
    void everyChangeIsRecordedWithWhoAndWhyAndAStaleVersionIsAConflict() {
        Api api = new Api(port);
        api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"xiping","name":"西平县人民政府","reason":"县级汇总"}""");
        Response renamed = api.put(PLATFORM, "/api/platform/agencies/xiping/name", """
                {"name":"西平县人民政府办公室","reason":"机构改革后更名"}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.etag()).isEqualTo("\"2\"");

        Response stale = api.send(PLATFORM, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/platform/agencies/xiping/name"))
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"name":"西平县政府","reason":"基于旧版本"}""", StandardCharsets.UTF_8)));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);

        JsonNode history = api.get(PLATFORM, "/api/platform/agencies/xiping/history").json();
        assertThat(history.findValuesAsString("eventType")).containsExactly("AgencyCreated", "AgencyRenamed");
        assertThat(history.findValuesAsString("actor")).containsOnly(PLATFORM);
        assertThat(history.findValuesAsString("reason")).containsExactly("县级汇总", "机构改革后更名");
        assertThat(history.get(1).get("label").asString()).isEqualTo("机关更名：西平县人民政府 → 西平县人民政府办公室");
        // the audit trail has them too, filed under the acting platform administrator's own row
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from audit_entry where aggregate_id = 'agency:xiping'
                        and actor = 'platform-admin' and reason is not null and roles = 'PLATFORM_ADMIN'""")
                .query(Long.class).single() == 2);
    }

    @Test
    void anAgencyFromBeforeAgencyEventsEntersTheHistoryWithItsFirstChange() {
        Api api = new Api(port);
        Response renamed = api.put(PLATFORM, "/api/platform/agencies/yicheng/name", """
                {"name":"驻马店市驿城区人民政府办公室","reason":"更名"}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        JsonNode history = api.get(PLATFORM, "/api/platform/agencies/yicheng/history").json();
        assertThat(history.findValuesAsString("eventType")).containsExactly("AgencyAdopted", "AgencyRenamed");
        assertThat(api.get("handler-yicheng", "/api/me").json().get("agencyName").asString())
                .isEqualTo("驻马店市驿城区人民政府办公室");
    }

    @Test
    void noAgencysUserMayAdministerAgenciesAndThePlatformAdministratorReadsNoApplications() {
        Api api = new Api(port);
        assertThat(api.get("admin-kaifaqu", "/api/platform/agencies").status()).isEqualTo(403);
        assertThat(api.post("admin-kaifaqu", "/api/platform/agencies", """
                {"agencyId":"takeover","name":"夺权","reason":"试试"}""").status()).isEqualTo(403);
        Response granted = api.post("admin-kaifaqu", "/api/admin/users", """
                {"username":"would-be-platform","displayName":"越权","agencyId":"kaifaqu","roles":["PLATFORM_ADMIN"],
                 "password":"correct-horse-battery"}""");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(422);
        assertThat(granted.json().get("rule").asString()).isEqualTo("PlatformAdminNotGrantedByAgencies");

        assertThat(api.get(PLATFORM, "/api/requests").status()).isEqualTo(403);
        assertThat(api.get(PLATFORM, "/api/statistics/2025?agency=kaifaqu").status()).isEqualTo(403);
        assertThat(api.get(PLATFORM, "/api/admin/users").status()).isEqualTo(403);
        assertThat(api.get(PLATFORM, "/api/platform/agencies").body()).doesNotContain("\"platform\"");
    }

    @Test
    void badInputNamesTheFieldAndCreatesNothing() {
        Api api = new Api(port);
        Response badId = api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"Bad Id","name":"某局","reason":"测试"}""");
        assertThat(badId.status()).as(badId.toString()).isEqualTo(400);
        assertThat(badId.json().get("fields").findValuesAsString("field")).containsExactly("agencyId");
        Response noReason = api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"no-reason","name":"某局"}""");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.json().get("fields").get(0).get("label").asString()).isEqualTo("理由");
        Response unknownParent = api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"orphan","name":"某局","parentId":"nowhere","reason":"测试"}""");
        assertThat(unknownParent.status()).as(unknownParent.toString()).isEqualTo(422);
        assertThat(unknownParent.json().get("rule").asString()).isEqualTo("ParentAgencyUnknown");
        Response taken = api.post(PLATFORM, "/api/platform/agencies", """
                {"agencyId":"kaifaqu","name":"重复","reason":"测试"}""");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
        assertThat(taken.json().get("rule").asString()).isEqualTo("AgencyIdTaken");
        assertThat(api.get(PLATFORM, "/api/platform/agencies/orphan").status()).isEqualTo(404);
        assertThat(api.get(PLATFORM, "/api/platform/agencies/no-reason").status()).isEqualTo(404);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("agencyId").asString();
    }

    private static void administrator(Api api, String agencyId, String username) {
        Response created = api.post(PLATFORM, "/api/platform/agencies/" + agencyId + "/administrators", """
                {"username":"%s","displayName":"管理员","password":"%s","reason":"首个管理员"}"""
                .formatted(username, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).contains("\"ADMIN\"").doesNotContain(PASSWORD);
    }

    private void user(Api api, String admin, String agencyId, String username, String role) {
        Response created = as(admin, "POST", "/api/admin/users", """
                {"username":"%s","displayName":"%s","agencyId":"%s","roles":["%s"],"password":"%s"}"""
                .formatted(username, username, agencyId, role, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static JsonNode cells(Response tables) {
        assertThat(tables.status()).as(tables.toString()).isEqualTo(200);
        return tables.json().get("part3").get("cells");
    }

    /** A call as a user created in this test, whose password is not the demo users' one. */
    private Response as(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return new Api(port).send(null, request);
    }
}
