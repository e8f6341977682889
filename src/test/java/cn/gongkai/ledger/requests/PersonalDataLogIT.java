package cn.gongkai.ledger.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The applicant's personal data never reaches the log: everything the service writes to the console
 * during a whole application life, its failures and its erasure, with the service's own code and
 * Spring's web layer at DEBUG, contains none of the demo applicant's name, ID number, phone or address.
 * ({@code .ci/run} checks the whole build's output for the same values.)
 */
@LedgerIntegrationTest
// the same properties as PersonalDataErasureIT, so that both share one context and one database
@TestPropertySource(properties = {"gongkai.test.database=personal-data-erasure", "gongkai.personal-data.retention=P1D"})
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogIT {

    private static final List<String> PERSONAL = RequestJson.DEMO_APPLICANT;

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    /** The loggers raised to DEBUG for this test only: levels are global, and later tests need not be this verbose. */
    private static final List<String> VERBOSE = List.of("cn.gongkai", "org.springframework.web");

    @BeforeEach
    void verbose() {
        VERBOSE.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void quietAgain() {
        VERBOSE.forEach(logger -> LoggingSystem.get(getClass().getClassLoader()).setLogLevel(logger, null));
    }

    @Test
    void noPersonalDataIsLoggedInAWholeLifeWithItsFailures(CapturedOutput output) {
        LocalDate today = BusinessClock.today(clock);

        // a whole life, read back by staff, published and counted
        Response registered = api.post("handler-kaifaqu", "/api/requests", RequestJson.received(today.minusDays(30)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("requestId").asString();
        String path = "/api/requests/" + id;
        assertThat(ApplicationSteps.fullLife(api, path, today))
                .allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
        assertThat(api.get("auditor-kaifaqu", path).body()).contains("张三");
        assertThat(api.get("handler-kaifaqu", "/api/requests?size=100").status()).isEqualTo(200);

        // bad input that carries the personal data: a bad date, the ID number where a date belongs,
        // a name too long, broken JSON
        String valid = RequestJson.received(today);
        List<Response> refused = List.of(
                api.post("handler-kaifaqu", "/api/requests", valid.replace("\"" + today + "\"", "\"yesterday\"")),
                api.post("handler-kaifaqu", "/api/requests", valid.replace("\"" + today + "\"", "\"410102199001011234\"")),
                api.post("handler-kaifaqu", "/api/requests", valid.replace("张三", "张三".repeat(101))),
                api.post("handler-kaifaqu", "/api/requests", valid.substring(0, valid.indexOf("13800000000") + 14)));
        assertThat(refused).allSatisfy(response -> assertThat(response.status()).as(response.toString()).isEqualTo(400));

        // rule violations: a registration dated tomorrow, an erasure of an open application
        Response future = api.post("handler-kaifaqu", "/api/requests", RequestJson.received(today.plusDays(1)));
        assertThat(future.status()).as(future.toString()).isEqualTo(422);
        String open = ApplicationSteps.register(api, today);
        Response erasingOpen = api.post("admin-kaifaqu", "/api/requests/" + open + "/personal-data-erasure",
                "{\"reason\":\"保存期限届满\"}");
        assertThat(erasingOpen.status()).as(erasingOpen.toString()).isEqualTo(422);

        // the erasure, and the application read after it
        Response erased = api.post("admin-kaifaqu", path + "/personal-data-erasure", "{\"reason\":\"保存期限届满\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(api.get("auditor-kaifaqu", path).body()).contains("已删除").doesNotContain("张三");

        // once every processor has handled these events (publishing, tables, list)
        long last = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from token_entry
                 where processor_name in ('kafka-publisher', 'annual-tables', 'request-summary')
                   and convert_from(token, 'UTF8')::jsonb ->> 'index' is not null
                   and (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint >= ?""").param(last)
                .query(Long.class).single() >= 3);

        // the log holds none of it
        assertThat(output.getAll()).as("the service logged").isNotBlank().contains(id);
        assertThat(PERSONAL).allSatisfy(value -> assertThat(output.getAll().contains(value))
                .as("the log contains a value of the demo applicant (%s characters)", value.length()).isFalse());
    }
}
