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
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Tables as they stood at a past instant; a published report, and what changed since, event by event. */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=publication")
class PublicationIT {

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Test
    void afterPublicationEveryChangedCellIsShownWithTheEventsThatChangedIt() {
        // given 2024: one application answered (disclosed), one still open; the year closed and published
        String answered = closedAndPublishedWithOneOpen(api, 2024).answered();
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
        Response response = api.post("head-kaifaqu", "/api/statistics/2019/publish", "");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("rule").asText()).isEqualTo("PublishAfterClose");
    }

    @Test
    void beforeAnyPublicationTheDiffIsANotFoundThatSaysWhy() {
        Response response = api.get("auditor-kaifaqu", "/api/statistics/2019/publication-diff");
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.json().get("rule").asText()).isEqualTo("NoPublicationYet");
        assertThat(response.json().get("message").asText()).contains("2019", "尚未公布");
        assertThat(response.json().get("messageEn").asText()).contains("2019", "not been published");
    }

    @Test
    void aCarriedForwardCellListsEachEventByItsEffectOnTheCellAndChangesThatCancelOutAreLeftOut() {
        // given 2021: one application answered, one still open at the year's end; the year closed and published
        String open = closedAndPublishedWithOneOpen(api, 2021).open();
        long receivedThen = cells(api, "/api/statistics/2021").get("RECEIVED").get("TOTAL").asLong();
        long carriedThen = cells(api, "/api/statistics/2021").get("CARRIED_FORWARD").get("TOTAL").asLong();

        // when the open one turns out to have been answered in 2021 (a late conclusion), and a paper
        // application of 2021 is registered now and its 2021 answer entered right after
        conclude(api, open, "DISCLOSED", LocalDate.of(2021, 12, 20));
        String backDated = register(api, LocalDate.of(2021, 11, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> carried(api, backDated));
        conclude(api, backDated, "DISCLOSED", LocalDate.of(2021, 11, 10));
        // (both moved only once every one of those events is counted: the projection counts them in order)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode now = cells(api, "/api/statistics/2021");
            return now.get("CARRIED_FORWARD").get("TOTAL").asLong() == carriedThen - 1
                    && now.get("RECEIVED").get("TOTAL").asLong() == receivedThen + 1;
        });

        // then 结转下年度继续办理 lists only the late conclusion, as taking one away from the cell; the
        // back-dated application, received and concluded in the year, cancels out and is not listed
        JsonNode diff = api.get("auditor-kaifaqu", "/api/statistics/2021/publication-diff").json();
        JsonNode carried = find(diff.get("differences"), "CARRIED_FORWARD", "TOTAL");
        assertThat(carried.get("published").asLong()).isEqualTo(carriedThen);
        assertThat(carried.get("current").asLong()).isEqualTo(carriedThen - 1);
        assertThat(carried.get("changes")).hasSize(1);
        JsonNode conclusion = carried.get("changes").get(0);
        assertThat(conclusion.get("subject").asText()).isEqualTo("application");
        assertThat(conclusion.get("id").asText()).isEqualTo(open);
        assertThat(conclusion.get("eventType").asText()).isEqualTo("RequestAnswered");
        assertThat(conclusion.get("recordedBy").asText()).isEqualTo("handler-kaifaqu");
        assertThat(conclusion.get("effect").asLong()).isEqualTo(-1);
        assertThat(conclusion.get("counter").asText()).isEqualTo("2021:RESOLVED_TOTAL/TOTAL");
        // and where it counts, the back-dated receipt adds one
        JsonNode received = find(diff.get("differences"), "RECEIVED", "TOTAL");
        assertThat(received.get("changes")).hasSize(1);
        assertThat(received.get("changes").get(0).get("id").asText()).isEqualTo(backDated);
        assertThat(received.get("changes").get(0).get("effect").asLong()).isEqualTo(1);
        // and a cell whose net change is zero is not listed at all
        diff.get("differences").forEach(d -> assertThat(d.get("current").asLong())
                .as(d.toString()).isNotEqualTo(d.get("published").asLong()));
    }

    @Test
    void aBackDatedApplicationConcludedWithinTheClosedYearShowsNoCarryForwardStep() {
        // given 2020 closed
        assertThat(api.post("head-kaifaqu", "/api/statistics/2020/close", "").status()).isEqualTo(202);
        // when an application of 2020 is registered now, carried forward out of the closed year as soon as it
        // is seen, and its 2020 answer entered right after
        String backDated = register(api, LocalDate.of(2020, 12, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> carried(api, backDated));
        conclude(api, backDated, "DISCLOSED", LocalDate.of(2020, 12, 15));

        // then its history shows no step 结转至2021年度继续办理, nor is it listed as carried forward
        JsonNode view = api.get("handler-kaifaqu", "/api/requests/" + backDated).json();
        assertThat(view.get("carriedForwardFrom")).isEmpty();
        List<String> steps = new ArrayList<>();
        view.get("history").forEach(step -> steps.add(step.get("type").asText() + " " + step.get("label").asText()));
        assertThat(steps).isNotEmpty().noneMatch(step -> step.contains("结转") || step.startsWith("RequestCarriedForward"));
        // and the audit trail keeps the event, marked as voided by the conclusion within the year
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> audit = new ArrayList<>();
            api.get("auditor-kaifaqu", "/api/audit/requests/" + backDated).json().get("steps")
                    .forEach(step -> audit.add(step.get("eventType").asText() + " " + step.get("label").asText()));
            assertThat(audit).contains("RequestCarriedForward 结转至2021年度继续办理（已更正：该申请于2020年度内办结，未结转）");
        });
        // while one still open at the year's end keeps its step
        String stillOpen = register(api, LocalDate.of(2020, 12, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> carried(api, stillOpen));
        List<String> openSteps = new ArrayList<>();
        api.get("handler-kaifaqu", "/api/requests/" + stillOpen).json().get("history")
                .forEach(step -> openSteps.add(step.get("label").asText()));
        assertThat(openSteps).contains("结转至2021年度继续办理");
        // (answered in 2021, so that it leaves the later years' tables, which other tests here count, as they were)
        conclude(api, stillOpen, "DISCLOSED", LocalDate.of(2021, 1, 5));
    }

    /** One application answered (disclosed) in {@code year}, one still open at its end; the year closed and published. */
    private static Given closedAndPublishedWithOneOpen(Api api, int year) {
        String answered = register(api, LocalDate.of(year, 3, 1));
        conclude(api, answered, "DISCLOSED", LocalDate.of(year, 3, 20));
        String open = register(api, LocalDate.of(year, 5, 1));
        assertThat(api.post("head-kaifaqu", "/api/statistics/" + year + "/close", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> carried(api, open));
        Response published = api.post("head-kaifaqu", "/api/statistics/" + year + "/publish", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("head-kaifaqu",
                "/api/statistics/" + year + "/publication-diff").status() == 200);
        return new Given(answered, open);
    }

    private record Given(String answered, String open) {
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
