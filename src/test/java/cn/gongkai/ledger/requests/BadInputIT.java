package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx that names the field in Chinese and English, and nothing is stored. */
@LedgerIntegrationTest
class BadInputIT {

    @Autowired
    JdbcClient jdbc;

    Api api;
    @Today
    LocalDate today;

    @Test
    void malformedJsonIs400AndStoresNothing() {
        long before = events();
        Response response = api.post("handler-kaifaqu", "/api/requests", "{\"channel\":\"INTERNET\",");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("fields").get(0).get("field").asText()).isEqualTo("body");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnknownCodeIs400NamingTheField() {
        long before = events();
        Response response = api.post("handler-kaifaqu", "/api/requests",
                received(today).replace("\"INTERNET\"", "\"CARRIER_PIGEON\""));
        assertThat(response.status()).isEqualTo(400);
        JsonNode field = response.json().get("fields").get(0);
        assertThat(field.get("field").asText()).isEqualTo("channel");
        assertThat(field.get("label").asText()).isEqualTo("申请渠道");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnknownOutcomeCodeIs400() {
        String id = register();
        long before = events();
        Response response = api.post("handler-kaifaqu", "/api/requests/" + id + "/answer-draft", """
                {"outcome":"MAYBE_DISCLOSED","legalBasis":"x","text":"y","draftedOn":"%s"}""".formatted(today));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("fields").get(0).get("field").asText()).isEqualTo("outcome");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void missingFieldsAreEachNamedInChineseAndEnglish() {
        long before = events();
        Response response = api.post("handler-kaifaqu", "/api/requests", "{\"applicant\":{}}");
        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("fields").forEach(f -> {
            fields.add(f.get("field").asText());
            assertThat(f.get("label").asText()).isNotBlank();
            assertThat(f.get("messageZh").asText()).isNotBlank();
            assertThat(f.get("messageEn").asText()).isNotBlank();
        });
        assertThat(fields).containsExactlyInAnyOrder("channel", "receivedOn", "applicantCategory", "applicant.name",
                "informationRequested", "deliveryForm");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aFutureReceiptDateIsRefusedNamingTheField() {
        long before = events();
        long numbersBefore = registrationNumbersIssued();
        Response response = api.post("handler-kaifaqu", "/api/requests", received(today.plusDays(1)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("NoDateInTheFuture");
        assertThat(response.json().get("fields").get(0).get("field").asText()).isEqualTo("receivedOn");
        assertThat(events()).isEqualTo(before);
        assertThat(registrationNumbersIssued()).isEqualTo(numbersBefore);
    }

    @Test
    void aFutureAnswerDateIsRefused() {
        String id = register();
        long before = events();
        Response response = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"%s\"}".formatted(today.plusDays(3)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aTenMegabyteBodyIs413AndStoresNothing() {
        long before = events();
        String huge = received(today).replace("2021年开发区道路建设项目的立项批复文件", "很".repeat(10 * 1024 * 1024 / 3));
        Response response = api.post("handler-kaifaqu", "/api/requests", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnknownApplicationIs404() {
        Response response = api.get("handler-kaifaqu", "/api/requests/" + java.util.UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        Response command = api.post("handler-kaifaqu", "/api/requests/" + java.util.UUID.randomUUID() + "/archive",
                "{\"archivedOn\":\"%s\"}".formatted(today));
        assertThat(command.status()).isEqualTo(404);
    }

    @Test
    void aMalformedIfMatchIs400() {
        String id = register();
        Response response = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"%s\"}".formatted(today), "If-Match", "\"abc\"");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("fields").get(0).get("field").asText()).isEqualTo("If-Match");
    }

    @Test
    void anOutcomeCorrectionIntoALapseNamesTheBodyFieldCorrectedOutcome() {
        String id = register();
        ApplicationSteps.conclude(api, id, "DISCLOSED", today);
        long before = events();

        Response response = api.post("reviewer2-kaifaqu", "/api/requests/" + id + "/outcome-correction", """
                {"correctedOutcome":"OTHER_FEE_NOT_PAID","reason":"误录","correctedOn":"%s"}""".formatted(today));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("AnswerOutcome");
        JsonNode field = response.json().get("fields").get(0);
        assertThat(field.get("field").asText()).isEqualTo("correctedOutcome");
        assertThat(field.get("label").asText()).isEqualTo("更正后的办理结果");
        assertThat(events()).isEqualTo(before);
    }

    private String register() {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
        assertThat(registered.status()).isEqualTo(201);
        return registered.json().get("requestId").asText();
    }

    private long registrationNumbersIssued() {
        return jdbc.sql("select coalesce(sum(last_number), 0) from registration_counter").query(Long.class).single();
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }
}
