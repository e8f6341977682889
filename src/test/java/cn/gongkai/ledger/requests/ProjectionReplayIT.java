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
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The list read model can be thrown away and rebuilt from the event store, giving exactly the same rows. */
@LedgerIntegrationTest
class ProjectionReplayIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void resettingTheRequestSummaryRebuildsItExactly(Api api, @Today LocalDate today) {
        for (int i = 0; i < 12; i++) {
            Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(i)));
            String path = "/api/requests/" + registered.json().get("requestId").asText();
            if (i % 3 == 0) {
                api.post("handler-kaifaqu", path + "/withdrawal", date("withdrawnOn", today));
            } else if (i % 3 == 1) {
                api.post("reviewer-kaifaqu", path + "/extension",
                        "{\"workingDays\":5,\"reason\":\"档案调取\",\"extendedOn\":\"%s\"}".formatted(today));
            }
        }
        long events = jdbc.sql("select count(*) from domain_event_entry"
                + " where payload_type like 'cn.gongkai.ledger.requests.events.%'").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedEvents() == events);
        List<Map<String, Object>> before = rows();

        StreamingEventProcessor processor = processing
                .eventProcessor("request-summary", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.sql("select count(*) from request_summary").query(Long.class).single()).isZero();
        processor.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> appliedEvents() == events);
        assertThat(rows()).isEqualTo(before);
    }

    /** Each row's version is the last sequence number applied; the sum over rows of version + 1 counts events. */
    private long appliedEvents() {
        return jdbc.sql("select coalesce(sum(version + 1), 0) from request_summary").query(Long.class).single();
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("""
                        select request_id, agency_id, registration_number, received_on, applicant_category, status,
                               outcome, concluded_on, due_on, due_provisional, version, state::text as state
                        from request_summary order by request_id""")
                .query().listOfRows();
    }
}
