package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff of one agency can neither read nor change another agency's applications. */
@LedgerIntegrationTest
class AgencyIsolationIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHandlerOfAnotherAgencyCanNeitherReadNorChangeTheApplication(Api api, @Today LocalDate today) {
        // given an application of 开发区 (kaifaqu)
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
        String id = registered.json().get("requestId").asText();
        String path = "/api/requests/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(api, "handler-kaifaqu").contains(id));
        long eventsBefore = jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", id).query(Long.class).single();

        // when staff of 驿城区 (yicheng) try to read and change it
        Response read = api.get("handler-yicheng", path);
        Response readByAuditor = api.get("auditor-yicheng", path);
        Response withdraw = api.post("handler-yicheng", path + "/withdrawal", date("withdrawnOn", today));
        Response extend = api.post("reviewer-yicheng", path + "/extension",
                "{\"workingDays\":5,\"reason\":\"越权\",\"extendedOn\":\"%s\"}".formatted(today));

        // then it does not exist for them, it is not in their list, and nothing was stored
        assertThat(read.status()).isEqualTo(404);
        assertThat(readByAuditor.status()).isEqualTo(404);
        assertThat(withdraw.status()).isEqualTo(404);
        assertThat(extend.status()).isEqualTo(404);
        assertThat(listed(api, "handler-yicheng")).doesNotContain(id);
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(eventsBefore);
        // and its own agency still sees it unchanged
        assertThat(api.get("handler-kaifaqu", path).json().get("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anAuditorReadsButCannotChange(Api api, @Today LocalDate today) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
        String path = "/api/requests/" + registered.json().get("requestId").asText();

        assertThat(api.get("auditor-kaifaqu", path).status()).isEqualTo(200);
        assertThat(api.post("auditor-kaifaqu", path + "/withdrawal", date("withdrawnOn", today)).status())
                .isEqualTo(403);
        assertThat(api.post("auditor-kaifaqu", "/api/requests", received(today)).status()).isEqualTo(403);
    }

    private static List<String> listed(Api api, String user) {
        List<String> ids = new ArrayList<>();
        api.get(user, "/api/requests?size=500").json().get("items")
                .forEach(item -> ids.add(item.get("requestId").asText()));
        return ids;
    }
}
