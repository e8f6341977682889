package cn.gongkai.ledger.security;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import cn.gongkai.ledger.requests.ApplicationSteps;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ADR 0005, also for ids a client chooses: an id that another agency's application or case uses
 * answers exactly as an unused one (201 with that id), the agency then uses it everywhere as its
 * own, and the other agency's object is untouched. 驿城区 (yicheng) owns the ids first; 开发区
 * (kaifaqu) picks the same ones.
 */
@LedgerIntegrationTest
class AgencyIdSpaceIT {

    private static final Duration PROCESSOR = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIdOfAnotherAgencysApplicationAndCaseAnswersAsAnUnusedOneAndIsTheAgencysOwnEverywhere(Api api, @Today LocalDate today) {
        String taken = UUID.randomUUID().toString();
        String takenCase = UUID.randomUUID().toString();
        // given yicheng's concluded application and its reconsideration case, under ids kaifaqu will pick
        assertThat(api.post("handler-yicheng", "/api/requests", withId("requestId", taken, received(today)))
                .status()).isEqualTo(201);
        concludeAsYicheng(api, taken, today);
        assertThat(api.post("handler-yicheng", "/api/disputes", """
                {"disputeId":"%s","requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}"""
                .formatted(takenCase, taken, today)).status()).isEqualTo(201);
        String yichengApplication = api.get("handler-yicheng", "/api/requests/" + taken).body();
        String yichengCase = api.get("handler-yicheng", "/api/disputes/" + takenCase).body();
        long yichengEvents = eventsOf(taken) + eventsOf(takenCase);

        // when kaifaqu registers an application under an unused id and under yicheng's
        String unused = UUID.randomUUID().toString();
        Response fresh = api.post("handler-kaifaqu", "/api/requests", withId("requestId", unused, received(today)));
        Response collided = api.post("handler-kaifaqu", "/api/requests", withId("requestId", taken, received(today)));

        // then both answer alike: 201, the chosen id, its own location
        assertThat(collided.status()).as(collided.toString()).isEqualTo(fresh.status()).isEqualTo(201);
        assertThat(collided.json().get("requestId").asString()).isEqualTo(taken);
        assertThat(collided.location()).endsWith("/api/requests/" + taken);
        assertThat(fieldNames(collided.json())).isEqualTo(fieldNames(fresh.json()));
        assertThat(collided.etag()).isEqualTo(fresh.etag());
        String registrationNumber = collided.json().get("registrationNumber").asString();
        // a retry finds it as for any id
        Response retried = api.post("handler-kaifaqu", "/api/requests", withId("requestId", taken, received(today)));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("registrationNumber").asString()).isEqualTo(registrationNumber);

        // and kaifaqu uses the id everywhere as its own: commands, reads, disputes, lists, audit views
        ApplicationSteps.conclude(api, taken, "DISCLOSED", today);
        JsonNode view = api.get("handler-kaifaqu", "/api/requests/" + taken).json();
        assertThat(view.get("requestId").asString()).isEqualTo(taken);
        assertThat(view.get("registrationNumber").asString()).isEqualTo(registrationNumber);
        assertThat(view.get("status").asString()).isEqualTo("CONCLUDED");

        Response freshCase = api.post("handler-kaifaqu", "/api/disputes", """
                {"disputeId":"%s","requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}"""
                .formatted(UUID.randomUUID(), unusedConcluded(api, today), today));
        Response collidedCase = api.post("handler-kaifaqu", "/api/disputes", """
                {"disputeId":"%s","requestId":"%s","kind":"LITIGATION_DIRECT","filedOn":"%s"}"""
                .formatted(takenCase, taken, today));
        assertThat(collidedCase.status()).as(collidedCase.toString()).isEqualTo(freshCase.status()).isEqualTo(201);
        assertThat(collidedCase.location()).endsWith("/api/disputes/" + takenCase);
        assertThat(fieldNames(collidedCase.json())).isEqualTo(fieldNames(freshCase.json()));
        assertThat(collidedCase.json().get("disputeId").asString()).isEqualTo(takenCase);
        assertThat(collidedCase.json().get("requestId").asString()).isEqualTo(taken);
        assertThat(collidedCase.json().get("registrationNumber").asString()).isEqualTo(registrationNumber);
        Response decided = api.post("reviewer-kaifaqu", "/api/disputes/" + takenCase + "/decision",
                "{\"result\":\"CORRECTED\",\"decidedOn\":\"%s\"}".formatted(today));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().get("disputeId").asString()).isEqualTo(takenCase);
        assertThat(api.get("handler-kaifaqu", "/api/disputes/" + takenCase).json().get("result").asString())
                .isEqualTo("CORRECTED");
        await().atMost(PROCESSOR).untilAsserted(() -> {
            JsonNode cases = api.get("handler-kaifaqu", "/api/disputes?requestId=" + taken).json();
            assertThat(cases.findValuesAsString("disputeId")).containsExactly(takenCase);
            assertThat(cases.findValuesAsString("requestId")).containsExactly(taken);
        });
        await().atMost(PROCESSOR).until(() -> listed(api).contains(taken));
        await().atMost(PROCESSOR).untilAsserted(() -> {
            Response history = api.get("head-kaifaqu", "/api/audit/requests/" + taken);
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            assertThat(history.json().get("requestId").asString()).isEqualTo(taken);
            assertThat(history.json().get("steps").size()).isGreaterThanOrEqualTo(4);
        });

        // kaifaqu's application and case live in streams of their own, which only kaifaqu calls by these ids
        List<String> ownStreams = jdbc.sql("select stream_id::text from agency_id_alias where agency_id = 'kaifaqu'"
                        + " and client_id in (?::uuid, ?::uuid) order by client_id = ?::uuid")
                .params(taken, takenCase, taken).query(String.class).list();
        assertThat(ownStreams).hasSize(2).doesNotContain(taken, takenCase);
        assertThat(eventsOf(ownStreams.get(1))).isGreaterThanOrEqualTo(4);
        assertThat(eventsOf(ownStreams.get(0))).isEqualTo(2);

        // and yicheng's application and case are untouched
        assertThat(eventsOf(taken) + eventsOf(takenCase)).isEqualTo(yichengEvents);
        assertThat(api.get("handler-yicheng", "/api/requests/" + taken).body()).isEqualTo(yichengApplication);
        assertThat(api.get("handler-yicheng", "/api/disputes/" + takenCase).body()).isEqualTo(yichengCase);
        await().atMost(PROCESSOR).untilAsserted(() -> {
            JsonNode cases = api.get("handler-yicheng", "/api/disputes?requestId=" + taken).json();
            assertThat(cases.findValuesAsString("disputeId")).containsExactly(takenCase);
            JsonNode result = cases.get(0).path("result");
            assertThat(result.isNull() || result.isMissingNode()).as("undecided: " + cases).isTrue();
        });
    }

    @Test
    void anIdOfAnotherAgencysApplicationIsStillNotFoundForAnAgencyThatDidNotRegisterIt(Api api, @Today LocalDate today) {
        String taken = UUID.randomUUID().toString();
        assertThat(api.post("handler-yicheng", "/api/requests", withId("requestId", taken, received(today)))
                .status()).isEqualTo(201);
        String unused = UUID.randomUUID().toString();

        for (String id : List.of(taken, unused)) {
            assertThat(api.get("handler-kaifaqu", "/api/requests/" + id).status()).isEqualTo(404);
            assertThat(api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal", date("withdrawnOn", today))
                    .status()).isEqualTo(404);
            assertThat(api.post("handler-kaifaqu", "/api/disputes", """
                    {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(id, today)).status())
                    .isEqualTo(404);
        }
        assertThat(api.get("handler-yicheng", "/api/requests/" + taken).json().get("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    private static String unusedConcluded(Api api, LocalDate today) {
        String id = ApplicationSteps.register(api, today);
        ApplicationSteps.conclude(api, id, "DISCLOSED", today);
        return id;
    }

    private static void concludeAsYicheng(Api api, String id, LocalDate on) {
        String path = "/api/requests/" + id;
        List<Response> steps = List.of(
                api.post("handler-yicheng", path + "/answer-draft", """
                        {"outcome":"DISCLOSED","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}"""
                        .formatted(on)),
                api.post("reviewer-yicheng", path + "/answer-draft/approval", date("approvedOn", on)),
                api.post("handler-yicheng", path + "/answer", date("answeredOn", on)));
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
    }

    private static String withId(String field, String id, String json) {
        return "{\"%s\":\"%s\",".formatted(field, id) + json.strip().substring(1);
    }

    private static List<String> fieldNames(JsonNode json) {
        return new ArrayList<>(json.propertyNames());
    }

    private long eventsOf(String id) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?").param(id)
                .query(Long.class).single();
    }

    private static List<String> listed(Api api) {
        List<String> ids = new ArrayList<>();
        api.get("handler-kaifaqu", "/api/requests?size=500").json().get("items")
                .forEach(item -> ids.add(item.get("requestId").asString()));
        return ids;
    }
}
