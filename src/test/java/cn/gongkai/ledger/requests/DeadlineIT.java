package cn.gongkai.ledger.requests;

import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.platform.BusinessClock;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Due dates through the API: shown on the application, queried as overdue or due soon, moved by a calendar change,
 * and their workings ({@code GET /api/requests/{id}/deadline}) for the agency only.
 */
@LedgerIntegrationTest
class DeadlineIT {

    @Autowired
    Clock clock;

    @Autowired
    CalendarService calendar;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = BusinessClock.today(clock);
    }

    @Test
    void theDueDateIsTwentyWorkingDaysAfterReceiptPlusTheExtension() {
        LocalDate receivedOn = today.minusDays(1);
        String id = register(receivedOn);
        LocalDate expected = calendar.current().addWorkingDays(receivedOn, 20).dueOn();
        assertThat(dueOn(id)).isEqualTo(expected);

        api.post("reviewer-kaifaqu", "/api/requests/" + id + "/extension",
                "{\"workingDays\":20,\"reason\":\"需征求多个部门意见\",\"extendedOn\":\"%s\"}".formatted(today));

        assertThat(dueOn(id)).isEqualTo(calendar.current().addWorkingDays(receivedOn, 40).dueOn());
    }

    @Test
    void overdueAndDueSoonApplicationsAreListed() {
        String late = register(today.minusDays(70));
        String fresh = register(today);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed("overdue=true").contains(late)
                && listed("dueWithin=30").contains(fresh));

        assertThat(listed("overdue=true")).contains(late).doesNotContain(fresh);
        assertThat(listed("dueWithin=30")).contains(fresh).doesNotContain(late);
        assertThat(listed("dueWithin=1")).doesNotContain(fresh);
    }

    @Test
    void aCalendarChangeRecomputesOpenDueDatesAndListsThoseThatMoved() {
        // given an open application and its due date
        String id = register(today.minusDays(1));
        LocalDate due = dueOn(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed("status=IN_PROGRESS").contains(id));
        int year = due.getYear();
        JsonNode before = api.get("admin-kaifaqu", "/api/calendar/" + year).json();

        try {
            // when the administrator declares the due date itself a holiday
            ObjectNode changed = (ObjectNode) before.deepCopy();
            ((ObjectNode) changed.get("holidays")).put(due.toString(), "临时调整");
            changed.remove("year");
            changed.remove("hasCalendar");
            Response change = api.put("admin-kaifaqu", "/api/calendar/" + year, changed.toString());

            // then the change lists this application as moved, and its due date is a working day later
            assertThat(change.status()).as(change.toString()).isEqualTo(200);
            List<JsonNode> moved = new ArrayList<>();
            change.json().get("movedDeadlines").forEach(moved::add);
            JsonNode mine = moved.stream().filter(m -> m.get("requestId").asText().equals(id)).findFirst().orElseThrow();
            assertThat(mine.get("previousDueOn").asText()).isEqualTo(due.toString());
            LocalDate newDue = LocalDate.parse(mine.get("newDueOn").asText());
            assertThat(newDue).isAfter(due);
            assertThat(dueOn(id)).isEqualTo(newDue);
        } finally {
            ObjectNode original = (ObjectNode) before.deepCopy();
            original.remove("year");
            original.remove("hasCalendar");
            if (before.get("hasCalendar").asBoolean()) {
                assertThat(api.put("admin-kaifaqu", "/api/calendar/" + year, original.toString()).status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void theWorkingsLeadDayByDayToTheDueDateTheApplicationShowsAlsoAfterAnExtension() {
        LocalDate receivedOn = today.minusDays(3);
        String id = register(receivedOn);
        ok(api.post("reviewer-kaifaqu", "/api/requests/" + id + "/extension",
                "{\"workingDays\":20,\"reason\":\"需征求多个部门意见\",\"extendedOn\":\"%s\"}".formatted(today)));

        Response response = api.get("handler-kaifaqu", "/api/requests/" + id + "/deadline");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode workings = response.json();
        LocalDate dueOn = LocalDate.parse(workings.get("dueOn").asString());
        assertThat(dueOn).isEqualTo(dueOn(id)).isEqualTo(calendar.current().addWorkingDays(receivedOn, 40).dueOn());
        assertThat(workings.get("extensionWorkingDays").asInt()).isEqualTo(20);
        assertThat(workings.get("clockRuns").asBoolean()).isTrue();
        // near the end of a year the period may run into the next one before its calendar is loaded: said plainly
        List<String> kinds = new ArrayList<>(List.of("RECEIVED", "PERIOD", "EXTENSION", "DUE"));
        if (!calendar.current().hasCalendarFor(dueOn.getYear())) {
            kinds.add("PROVISIONAL");
            assertThat(workings.get("note").asString()).contains(dueOn.getYear() + "年尚无官方节假日安排");
        }
        assertThat(stepKinds(workings)).containsExactlyElementsOf(kinds);
        assertThat(workings.get("provisional").asBoolean()).isEqualTo(kinds.contains("PROVISIONAL"));
        assertThat(workings.get("steps").get(0).get("text").asString())
                .contains("互联网渠道", "以双方确认之日为收到申请之日", receivedOn.toString());

        List<JsonNode> days = new ArrayList<>();
        workings.get("days").forEach(days::add);
        assertThat(days.getFirst().get("date").asString()).isEqualTo(receivedOn.toString());
        assertThat(days.getFirst().get("kind").asString()).isEqualTo("START");
        assertThat(days.getLast().get("date").asString()).isEqualTo(dueOn.toString());
        assertThat(days.getLast().get("countedAs").asInt()).isEqualTo(40);
        assertThat(days.getLast().get("dueDay").asBoolean()).isTrue();
        assertThat(days).filteredOn(day -> day.get("extension").asBoolean()).hasSize(20);
        for (JsonNode day : days) {
            LocalDate date = LocalDate.parse(day.get("date").asString());
            boolean counted = !day.get("countedAs").isNull();
            assertThat(counted).as("%s", date)
                    .isEqualTo(!date.equals(receivedOn) && calendar.current().isWorkingDay(date));
        }
    }

    @Test
    void whileACorrectionIsAwaitedTheWorkingsSayThereIsNoDateYet() {
        String id = register(today.minusDays(2));
        ok(api.post("handler-kaifaqu", "/api/requests/" + id + "/correction-request", """
                {"whatIsUnclear":"请写明文件名称","requestedOn":"%s","correctionDueOn":"%s"}"""
                .formatted(today, today.plusDays(15))));

        JsonNode workings = api.get("reviewer-kaifaqu", "/api/requests/" + id + "/deadline").json();

        assertThat(workings.get("dueOn").isNull()).isTrue();
        assertThat(workings.get("days")).isEmpty();
        assertThat(stepKinds(workings)).containsExactly("RECEIVED", "CORRECTION_REQUESTED", "NO_DATE");
    }

    @Test
    void anotherAgencyAndAnUnknownApplicationGetNotFound() {
        String id = register(today);

        assertThat(api.get("auditor-kaifaqu", "/api/requests/" + id + "/deadline").status()).isEqualTo(200);
        assertThat(api.get("handler-yicheng", "/api/requests/" + id + "/deadline").status()).isEqualTo(404);
        assertThat(api.get("head-yicheng", "/api/requests/" + id + "/deadline").status()).isEqualTo(404);
        assertThat(api.get("handler-kaifaqu", "/api/requests/" + UUID.randomUUID() + "/deadline").status())
                .isEqualTo(404);
        Response notAnId = api.get("handler-kaifaqu", "/api/requests/2026-0001/deadline");
        assertThat(notAnId.status()).as(notAnId.toString()).isEqualTo(400);
        assertThat(notAnId.body()).contains("requestId");
    }

    private String register(LocalDate receivedOn) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(receivedOn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asText();
    }

    private LocalDate dueOn(String id) {
        JsonNode deadline = api.get("handler-kaifaqu", "/api/requests/" + id).json().get("deadline");
        return LocalDate.parse(deadline.get("dueOn").asText());
    }

    private List<String> listed(String query) {
        List<String> ids = new ArrayList<>();
        api.get("handler-kaifaqu", "/api/requests?size=500&" + query).json().get("items")
                .forEach(item -> ids.add(item.get("requestId").asText()));
        return ids;
    }

    private static List<String> stepKinds(JsonNode workings) {
        List<String> kinds = new ArrayList<>();
        workings.get("steps").forEach(step -> kinds.add(step.get("kind").asString()));
        return kinds;
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
