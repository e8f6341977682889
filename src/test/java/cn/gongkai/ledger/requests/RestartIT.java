package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Stop the service and start it again on the same database: every application is intact. */
class RestartIT {

    @Test
    void everyApplicationIsIntactAfterARestart() {
        String database = TestDatabase.newDatabaseUrl();
        Map<String, String> before = new LinkedHashMap<>();

        // given a service that registered and handled applications, then stopped
        try (ConfigurableApplicationContext first = start(database)) {
            Api api = api(first);
            LocalDate today = BusinessClock.today(first.getBean(Clock.class));
            for (int i = 0; i < 5; i++) {
                Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(i)));
                String id = registered.json().get("requestId").asText();
                if (i % 2 == 0) {
                    api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal", date("withdrawnOn", today));
                }
                before.put(id, api.get("handler-kaifaqu", "/api/requests/" + id).body());
            }
        }

        // when it starts again on the same database
        try (ConfigurableApplicationContext second = start(database)) {
            Api api = api(second);
            // then each application reads exactly as before, and the list shows them all
            before.forEach((id, view) -> assertThat(api.get("handler-kaifaqu", "/api/requests/" + id).body())
                    .isEqualTo(view));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(api.get("handler-kaifaqu", "/api/requests?size=50").json().get("total").asLong())
                            .isEqualTo(before.size()));
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                .profiles("test")
                .run(TestDatabase.arguments(database, "--server.port=0",
                        "--gongkai.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers()));
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
