package cn.gongkai.ledger.statistics;

import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Tables as they stood at a past instant; a published report, and what changed since, event by event. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=publication")
class PublicationIT {

    @LocalServerPort
    int port;

    @Test
    void afterPublicationEveryChangedCellIsShownWithTheEventsThatChangedIt() {
        Api api = new Api(port);
        // given 2024: one application answered (disclosed), one still open; the year closed and published
        String answered = register(api, LocalDate.of(2024, 3, 1));
        conclude(api, answered, "DISCLOSED", LocalDate.of(2024, 3, 20));
        String open = register(api, LocalDate.of(2024, 5, 1));
        assertThat(api.post("head-kaifaqu", "/api/statistics/2024/close", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> carried(api, open));
        Response published = api.post("head-kaifaqu", "/api/statistics/2024/publish", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("head-kaifaqu", "/api/statistics/2024/publication-diff").status() == 200);
        Instant atPublication = Instant.now();
        assertThat(api.get("head-kaifaqu", "/api/statistics/2024/publication-diff").json().get("unchanged").asBoolean())
                .isTrue();

        // when the outcome is corrected and a 2024 application is registered late
        Response corrected = api.post("reviewer2-kaifaqu", "/api/requests/" + answered + "/outcome-correction", """
                {"correctedOutcome":"PARTIALLY_DISCLOSED","reason":"复议决定认定为部分公开","correctedOn":"%s"}"""
                .formatted(LocalDate.now()));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        String late = register(api, LocalDate.of(2024, 12, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> cells(api, "/api/statistics/2024")
                .get("RECEIVED").get("TOTAL").asLong() == 3 && carried(api, late));

        // then the difference lists each changed cell with the events behind it
        JsonNode diff = api.get("auditor-kaifaqu", "/api/statistics/2024/publication-diff").json();
        assertThat(diff.get("unchanged").asBoolean()).isFalse();
        assertThat(diff.get("publishedVersion").asInt()).isEqualTo(1);
        List<String> changedCells = new ArrayList<>();
        diff.get("differences").forEach(d -> changedCells.add(d.get("row").asText() + "/" + d.get("column").asText()
                + " " + d.get("published").asLong() + "→" + d.get("current").asLong()));
        assertThat(changedCells).contains("RECEIVED/NATURAL_PERSON 2→3", "DISCLOSED/NATURAL_PERSON 1→0",
                "PARTIALLY_DISCLOSED/NATURAL_PERSON 0→1", "CARRIED_FORWARD/TOTAL 1→2");
        JsonNode disclosed = find(diff.get("differences"), "DISCLOSED", "NATURAL_PERSON");
        assertThat(disclosed.get("changes").get(0).get("eventType").asText()).isEqualTo("OutcomeCorrected");
        JsonNode received = find(diff.get("differences"), "RECEIVED", "TOTAL");
        assertThat(received.get("changes").get(0).get("eventType").asText()).isEqualTo("RequestReceived");

        // and the tables as they stood at publication are the published ones
        JsonNode then = cells(api, "/api/statistics/2024/as-of?at="
                + URLEncoder.encode(atPublication.toString(), StandardCharsets.UTF_8));
        assertThat(then.get("RECEIVED").get("TOTAL").asLong()).isEqualTo(2);
        assertThat(then.get("DISCLOSED").get("TOTAL").asLong()).isEqualTo(1);
        assertThat(then.get("PARTIALLY_DISCLOSED").get("TOTAL").asLong()).isZero();
        assertThat(then.get("CARRIED_FORWARD").get("TOTAL").asLong()).isEqualTo(1);
    }

    @Test
    void anOpenYearCannotBePublished() {
        Response response = new Api(port).post("head-kaifaqu", "/api/statistics/2019/publish", "");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("PublishAfterClose");
    }

    private static JsonNode find(JsonNode differences, String row, String column) {
        for (JsonNode d : differences) {
            if (d.get("row").asText().equals(row) && d.get("column").asText().equals(column)) {
                return d;
            }
        }
        throw new AssertionError("no difference for " + row + "/" + column + " in " + differences);
    }

    private static JsonNode cells(Api api, String path) {
        return api.get("head-kaifaqu", path).json().get("part3").get("cells");
    }

    private static boolean carried(Api api, String id) {
        return api.get("handler-kaifaqu", "/api/requests/" + id).json().get("carriedForwardFrom").size() > 0;
    }

}
