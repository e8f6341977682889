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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Due dates through the API: shown on the application, queried as overdue or due soon, moved by a calendar change. */
@LedgerIntegrationTest
class DeadlineIT {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    CalendarService calendar;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new Api(port);
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
}
