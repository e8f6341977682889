package cn.gongkai.ledger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.requests.RequestJson;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** An agency's tables alone or summed with every agency below it; the rules hold for the sums too. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=roll-up")
class RollUpIT {

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCountySeesItsDepartmentsSummedAndADepartmentSeesOnlyItself() {
        // given a department below 开发区 with its own case handler
        jdbc.sql("insert into agency (id, name, parent_id) values ('kaifaqu-jsj', '开发区建设局', 'kaifaqu')").update();
        jdbc.sql("""
                insert into staff_user (username, password_hash, display_name, agency_id)
                select 'handler-jsj', password_hash, '建设局经办人', 'kaifaqu-jsj' from staff_user
                where username = 'handler-kaifaqu'""").update();
        jdbc.sql("insert into staff_role (username, role) values ('handler-jsj', 'HANDLER')").update();
        LocalDate receivedOn = LocalDate.of(2025, 4, 1);
        api.post("handler-kaifaqu", "/api/requests", RequestJson.received(receivedOn));
        api.post("handler-kaifaqu", "/api/requests", RequestJson.received(receivedOn, "COMMERCIAL_ENTERPRISE", "某公司"));
        api.post("handler-jsj", "/api/requests", RequestJson.received(receivedOn, "LEGAL_SERVICE_INSTITUTION", "某律所"));

        // when the county's tables are read alone and rolled up
        await().atMost(Duration.ofSeconds(30)).until(() ->
                cells(api, "handler-kaifaqu", "/api/statistics/2025?rollup=true").get("RECEIVED").get("TOTAL").asLong() == 3);
        JsonNode alone = api.get("handler-kaifaqu", "/api/statistics/2025").json();
        JsonNode rolledUp = api.get("handler-kaifaqu", "/api/statistics/2025?rollup=true").json();
        JsonNode department = api.get("handler-kaifaqu", "/api/statistics/2025?agency=kaifaqu-jsj").json();

        // then the roll-up is the sum, every one reconciles, and the department sees only itself
        assertThat(alone.get("part3").get("cells").get("RECEIVED").get("TOTAL").asLong()).isEqualTo(2);
        assertThat(department.get("part3").get("cells").get("RECEIVED").get("LEGAL_SERVICE_INSTITUTION").asLong())
                .isEqualTo(1);
        JsonNode sum = rolledUp.get("part3").get("cells");
        assertThat(sum.get("RECEIVED").get("NATURAL_PERSON").asLong()).isEqualTo(1);
        assertThat(sum.get("RECEIVED").get("COMMERCIAL_ENTERPRISE").asLong()).isEqualTo(1);
        assertThat(sum.get("RECEIVED").get("LEGAL_SERVICE_INSTITUTION").asLong()).isEqualTo(1);
        assertThat(sum.get("CARRIED_FORWARD").get("TOTAL").asLong()).isEqualTo(3);
        assertThat(rolledUp.get("agencies")).hasSize(2);
        assertThat(alone.get("reconciled").asBoolean()).isTrue();
        assertThat(rolledUp.get("reconciled").asBoolean()).isTrue();
        assertThat(api.get("handler-jsj", "/api/statistics/2025?agency=kaifaqu").status()).isEqualTo(404);
        assertThat(api.get("handler-jsj", "/api/statistics/2025?rollup=true").json().get("agencies")).hasSize(1);
    }

    private static JsonNode cells(Api api, String user, String path) {
        return api.get(user, path).json().get("part3").get("cells");
    }
}
