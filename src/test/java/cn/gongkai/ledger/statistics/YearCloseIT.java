package cn.gongkai.ledger.statistics;

import static cn.gongkai.ledger.requests.ApplicationSteps.carriedFrom;
import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static cn.gongkai.ledger.requests.ApplicationSteps.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.platform.BusinessClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Closing a year: complete, idempotent, and the tables stay right after late registrations and conclusions. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=year-close")
class YearCloseIT {

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void closingCarriesForwardEveryOpenApplicationOnceAndLateEntriesKeepTheTablesRight() {
        // given 2023: one application still open, one concluded within the year
        String open = register(api, LocalDate.of(2023, 6, 1));
        String concluded = register(api, LocalDate.of(2023, 6, 2));
        conclude(api, concluded, "DISCLOSED", LocalDate.of(2023, 6, 20));

        // when the head closes 2023, twice
        assertThat(api.post("head-kaifaqu", "/api/statistics/2023/close", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, open).contains(2023));
        assertThat(api.post("head-kaifaqu", "/api/statistics/2023/close", "").status()).isEqualTo(202);

        // then only the open one was carried forward, once, and the year was closed once
        assertThat(carriedFrom(api, concluded)).isEmpty();
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = 'kaifaqu:2023'")
                .query(Long.class).single()).isEqualTo(1);

        // when an application received in 2023 is registered only now
        String late = register(api, LocalDate.of(2023, 11, 30));

        // then it is carried forward from the closed year by itself
        await().atMost(Duration.ofSeconds(30)).until(() -> carriedFrom(api, late).contains(2023));
        assertThat(carriedFrom(api, open)).containsExactly(2023);
        // and the close's status counts the late one among the carry-forwards, none left to come
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("head-kaifaqu", "/api/statistics/2023/close").json(),
                status -> status.get("complete").asBoolean() && status.get("carryForwardsDone").asLong() == 2);

        // when the open one turns out to have been answered on 28 December 2023
        conclude(api, open, "DISCLOSED", LocalDate.of(2023, 12, 28));

        // then 2023 counts it as resolved, only the late one is carried forward, and 2024 agrees
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode cells = part3(api, 2023);
            assertThat(cells.get("RECEIVED").get("TOTAL").asLong()).isEqualTo(3);
            assertThat(cells.get("RESOLVED_TOTAL").get("TOTAL").asLong()).isEqualTo(2);
            assertThat(cells.get("CARRIED_FORWARD").get("TOTAL").asLong()).isEqualTo(1);
        });
        assertThat(part3(api, 2024).get("CARRIED_OVER").get("TOTAL").asLong()).isEqualTo(1);
        assertThat(api.get("head-kaifaqu", "/api/statistics/2023").json().get("reconciled").asBoolean()).isTrue();
        assertThat(api.get("head-kaifaqu", "/api/statistics/2024").json().get("reconciled").asBoolean()).isTrue();
    }

    @Test
    void theCloseAnswersWithItsStatusResourceWhichCountsTheCarryForwardsUntilAllAreDone() throws IOException {
        // given 2021 of 驿城区 (its own agency, so the 2023 close above counts none of these): three
        // applications still open at the year's end, one concluded within it
        int open = 3;
        List<String> openOnes = new ArrayList<>();
        for (int i = 0; i < open; i++) {
            openOnes.add(register(api, "yicheng", LocalDate.of(2021, 3, 1 + i)));
        }
        String concluded = register(api, "yicheng", LocalDate.of(2021, 4, 1));
        conclude(api, "yicheng", concluded, "DISCLOSED", LocalDate.of(2021, 4, 20));
        assertThat(api.get("auditor-yicheng", "/api/statistics/2021/close").json().get("closed").asBoolean()).isFalse();

        // when the head closes 2021
        Response close = api.post("head-yicheng", "/api/statistics/2021/close", "{\"reason\":\"年度报告编制\"}");

        // then the answer says the year is closed and carrying forward, and points at the status
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        assertThat(close.json().get("message").asText()).startsWith("年度已关闭，正在结转未办结申请");
        assertThat(close.location()).isEqualTo("/api/statistics/2021/close");
        JsonNode status = api.get("auditor-yicheng", close.location()).json();
        assertThat(status.get("closed").asBoolean()).isTrue();
        assertThat(status.get("closedBy").asText()).isEqualTo("head-yicheng");
        assertThat(status.get("reason").asText()).isEqualTo("年度报告编制");
        assertThat(status.get("closedOn").asText()).isEqualTo(BusinessClock.today(clock).toString());

        // and it eventually says all three of three are done, nothing to come
        JsonNode done = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("head-yicheng", close.location()).json(), s -> s.get("complete").asBoolean());
        assertThat(done.get("carryForwardsDone").asLong()).isEqualTo(open);
        assertThat(done.get("carryForwardsToCome").asLong()).isZero();
        assertThat(done.get("carryForwardsTotal").asLong()).isEqualTo(open);
        assertThat(done.get("message").asText()).contains("（" + open + "/" + open + "）");
        assertThat(openOnes).allSatisfy(id -> assertThat(carriedFrom(api, "yicheng", id)).contains(2021));
        assertThat(carriedFrom(api, "yicheng", concluded)).doesNotContain(2021);

        // and the migration that brings carry-forwards made before the status existed finds the same three
        jdbc.sql("delete from statistics_carried_forward where agency_id = 'yicheng' and from_year = 2021").update();
        assertThat(api.get("head-yicheng", close.location()).json().get("carryForwardsToCome").asLong()).isEqualTo(open);
        jdbc.sql(backfillOfTheCarryForwardMigration()).update();
        JsonNode backfilled = api.get("head-yicheng", close.location()).json();
        assertThat(backfilled.get("carryForwardsDone").asLong()).isEqualTo(open);
        assertThat(backfilled.get("complete").asBoolean()).isTrue();
    }

    /** The migration's insert of existing carry-forwards, found by its name whatever number it is given at merge. */
    private static String backfillOfTheCarryForwardMigration() throws IOException {
        Resource[] migrations = new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V*__*carry_forward_progress.sql");
        assertThat(migrations).hasSize(1);
        String sql = migrations[0].getContentAsString(StandardCharsets.UTF_8);
        return sql.substring(sql.indexOf("insert into statistics_carried_forward"));
    }

    @Test
    void theCurrentYearCannotBeClosedAndOnlyTheHeadClosesAYear() {
        int thisYear = BusinessClock.today(clock).getYear();

        Response early = api.post("head-kaifaqu", "/api/statistics/" + thisYear + "/close", "");
        Response byHandler = api.post("handler-kaifaqu", "/api/statistics/2022/close", "");

        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("rule").asText()).isEqualTo("CloseAfterYearEnd");
        assertThat(byHandler.status()).isEqualTo(403);
    }

    @Test
    void anotherAgencysTablesAreNotFound() {
        assertThat(api.get("handler-yicheng", "/api/statistics/2023?agency=kaifaqu").status()).isEqualTo(404);
    }

    private static JsonNode part3(Api api, int year) {
        return api.get("head-kaifaqu", "/api/statistics/" + year).json().get("part3").get("cells");
    }

}
