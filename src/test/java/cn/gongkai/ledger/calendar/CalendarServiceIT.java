package cn.gongkai.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.LedgerIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendar's HTTP contract on the whole service: anyone signed in reads a year, only an administrator
 * replaces one (its change logged, the open deadlines recomputed by the requests module), bad days answered 400
 * field by field. Only years no other test uses (2030, 2033). The module's own behaviour on PostgreSQL (the seed,
 * the change log, the transaction, the cache across instances) is {@link CalendarModuleIT}'s, the module alone.
 */
@LedgerIntegrationTest
class CalendarServiceIT {

    private static final String PASSWORD = "demo";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anyoneSignedInReadsAYear() throws Exception {
        HttpResponse<String> response = send("handler-kaifaqu", "GET", "/api/calendar/2026", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("hasCalendar").asBoolean()).isTrue();
        assertThat(body.get("holidays").get("2026-02-17").asString()).isEqualTo("春节");
        assertThat(body.get("adjustedWorkdays").get("2026-02-14").asString()).isEqualTo("春节调休上班");
        assertThat(json.readTree(send("handler-kaifaqu", "GET", "/api/calendar/2040", null).body())
                .get("hasCalendar").asBoolean()).isFalse();
    }

    @Test
    void onlyAnAdministratorReplacesAYear() throws Exception {
        String body = """
                {"holidays": {"2030-01-01": "元旦"}, "adjustedWorkdays": {}}""";

        assertThat(send("handler-kaifaqu", "PUT", "/api/calendar/2030", body).statusCode()).isEqualTo(403);
        assertNothingStoredFor(2030);

        HttpResponse<String> response = send("admin-kaifaqu", "PUT", "/api/calendar/2030", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode change = json.readTree(response.body());
        assertThat(change.get("changedBy").asString()).isEqualTo("admin-kaifaqu");
        assertThat(change.get("added").get(0).get("day").asString()).isEqualTo("2030-01-01");
        assertThat(change.get("movedDeadlines").isArray()).isTrue();
        JsonNode log = json.readTree(send("admin-kaifaqu", "GET", "/api/calendar/changes?year=2030", null).body());
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("id").asLong()).isEqualTo(change.get("id").asLong());
        assertThat(send("handler-kaifaqu", "GET", "/api/calendar/changes", null).statusCode()).isEqualTo(403);
    }

    @Test
    void badDaysAreAnswered400FieldByField() throws Exception {
        String body = """
                {"holidays": {"2033-02-30": "春节"}, "adjustedWorkdays": {"2033-01-05": "调休"}}""";

        HttpResponse<String> badDate = send("admin-kaifaqu", "PUT", "/api/calendar/2033", body);
        HttpResponse<String> weekday = send("admin-kaifaqu", "PUT", "/api/calendar/2033", """
                {"holidays": {}, "adjustedWorkdays": {"2033-01-05": "调休"}}""");

        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(fields(badDate)).containsExactly("holidays.2033-02-30");
        assertThat(weekday.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(weekday.body()).get("fields").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("adjustedWorkdays.2033-01-05");
        assertThat(problem.get("label").asString()).isEqualTo("调休上班日（2033-01-05）");
        assertThat(problem.get("messageZh").asString()).isEqualTo("调休上班日须为星期六或星期日");
        assertNothingStoredFor(2033);
    }

    private void assertNothingStoredFor(int year) {
        assertThat(jdbc.sql("select count(*) from calendar_year where year = :year").param("year", year)
                .query(Long.class).single()).as("calendar_year %d", year).isZero();
        assertThat(jdbc.sql("select count(*) from calendar_change where year = :year").param("year", year)
                .query(Long.class).single()).as("calendar_change %d", year).isZero();
    }

    private List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json.readTree(response.body()).get("fields").forEach(field -> fields.add(field.get("field").asString()));
        return fields;
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
