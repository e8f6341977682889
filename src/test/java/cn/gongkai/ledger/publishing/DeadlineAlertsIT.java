package cn.gongkai.ledger.publishing;

import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.requests.OpenDeadlines;
import cn.gongkai.ledger.requests.RequestJson;
import com.networknt.schema.Error;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * The deadline-alert job on a real broker and database, with the business clock moved: an
 * application due within 3 working days gets one 3个工作日内到期 alert however often the job runs,
 * then one 已超期 alert once its date has passed, also with two instances running at once; every
 * message matches its schemas and carries no personal data.
 */
@LedgerIntegrationTest
class DeadlineAlertsIT {

    private static final String ENVELOPE = MessageContract.SCHEMA_BASE + "deadline-alerts/envelope.v1.json";

    @Autowired
    Clock clock;

    @Autowired
    CalendarService calendar;

    @Autowired
    OpenDeadlines openDeadlines;

    @Autowired
    Producer<String, byte[]> producer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PublishingProperties settings;

    Api api;

    @Test
    void anApplicationDueWithinThreeWorkingDaysIsAlertedOnceThenOnceMoreWhenOverdue() throws Exception {
        // an application received today, listed with its due date
        LocalDate receivedOn = BusinessClock.today(clock);
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(receivedOn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("requestId").asString();
        String registrationNumber = registered.json().get("registrationNumber").asString();
        LocalDate dueOn = LocalDate.parse(api.get("handler-kaifaqu", "/api/requests/" + id).json()
                .get("deadline").get("dueOn").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(id, dueOn));
        WorkingDayCalendar workingDays = calendar.current();

        // four days before the due date nothing is sent for it; two working days before, the job runs twice
        LocalDate fourWorkingDaysBefore = workingDayBefore(workingDays, dueOn, 4);
        jobOn(fourWorkingDaysBefore).run(Optional.of("kaifaqu"));
        assertThat(alertsOf(id)).isEmpty();
        LocalDate twoWorkingDaysBefore = workingDayBefore(workingDays, dueOn, 2);
        DeadlineAlerts.Run first = jobOn(twoWorkingDaysBefore).run(Optional.of("kaifaqu"));
        DeadlineAlerts.Run second = jobOn(twoWorkingDaysBefore).run(Optional.of("kaifaqu"));

        assertThat(first.sent()).isPositive();
        assertThat(second.sent()).isZero();
        List<Message> alerts = alertsOf(id);
        assertThat(alerts).hasSize(1);
        JsonNode dueSoon = alerts.getFirst().json();
        assertValidWithoutPersonalData(alerts.getFirst());
        assertThat(dueSoon.get("data").get("state").asString()).isEqualTo("DUE_SOON");
        assertThat(dueSoon.get("data").get("stateLabel").asString()).isEqualTo("3个工作日内到期");
        assertThat(dueSoon.get("data").get("workingDaysLeft").asInt()).isEqualTo(2);
        assertThat(dueSoon.get("data").get("dueOn").asString()).isEqualTo(dueOn.toString());
        assertThat(dueSoon.get("data").get("registrationNumber").asString()).isEqualTo(registrationNumber);
        assertThat(dueSoon.get("businessdate").asString()).isEqualTo(twoWorkingDaysBefore.toString());

        // the next working day after the due date, two instances run at the same moment, and once more later
        LocalDate dayAfter = workingDayAfter(workingDays, dueOn);
        // threads of their own: the common pool may have a single one on a small machine
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<DeadlineAlerts.Run>> runs = instances.invokeAll(List.of(
                    () -> jobOn(dayAfter).run(Optional.empty()), () -> jobOn(dayAfter).run(Optional.empty())));
            for (Future<DeadlineAlerts.Run> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }
        jobOn(dayAfter.plusDays(7)).run(Optional.empty());

        alerts = alertsOf(id);
        assertThat(alerts).extracting(message -> message.json().get("data").get("state").asString())
                .containsExactly("DUE_SOON", "OVERDUE");
        JsonNode overdue = alerts.getLast().json();
        assertValidWithoutPersonalData(alerts.getLast());
        assertThat(overdue.get("data").get("stateLabel").asString()).isEqualTo("已超期");
        assertThat(overdue.get("data").get("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(overdue.get("data").get("workingDaysLeft").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from deadline_alert where request_id = cast(:id as uuid)")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anAdministratorRunsTheJobForTheAgency() {
        Response run = api.post("admin-kaifaqu", "/api/admin/deadline-alerts/run", "");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().get("businessDate").asString()).isEqualTo(BusinessClock.today(clock).toString());
        assertThat(run.json().get("sent").isInt()).isTrue();
        assertThat(api.post("handler-kaifaqu", "/api/admin/deadline-alerts/run", "").status()).isEqualTo(403);
    }

    /** The job as it runs at 08:00 Beijing time on {@code day}. */
    private DeadlineAlerts jobOn(LocalDate day) {
        Clock at = Clock.fixed(day.atTime(8, 0).atZone(BusinessClock.ZONE).toInstant(), ZoneOffset.UTC);
        return new DeadlineAlerts(openDeadlines, calendar, producer, jdbc, transactionManager, at, settings);
    }

    private boolean listed(String id, LocalDate dueOn) {
        return openDeadlines.dueOnOrBefore(dueOn, Optional.of("kaifaqu")).stream()
                .anyMatch(open -> open.requestId().toString().equals(id) && open.dueOn().equals(dueOn));
    }

    private static List<Message> alertsOf(String id) {
        return TopicReader.ofApplication(
                TopicReader.readAll(TestKafka.shared().bootstrapServers(), DeadlineAlertMessages.TOPIC), id);
    }

    private static void assertValidWithoutPersonalData(Message message) {
        JsonNode json = message.json();
        List<Error> envelope = MessageContract.schema(ENVELOPE).validate(json);
        assertThat(envelope).as("envelope of %s", json).isEmpty();
        String dataschema = json.get("dataschema").asString();
        assertThat(dataschema).isEqualTo(MessageContract.SCHEMA_BASE + "deadline-alerts/DeadlineAlert.v1.json");
        assertThat(MessageContract.schema(dataschema).validate(json.get("data"))).as("data of %s", json).isEmpty();
        assertThat(message.key()).isEqualTo(json.get("subject").asString());
        assertThat(message.headers()).containsEntry("content-type", "application/cloudevents+json; charset=UTF-8");
        for (String personal : RequestJson.DEMO_APPLICANT) {
            assertThat(message.value()).doesNotContain(personal);
        }
        assertThat(message.value()).doesNotContain("立项批复文件");
    }

    /** The working day {@code n} working days before {@code day}. */
    private static LocalDate workingDayBefore(WorkingDayCalendar workingDays, LocalDate day, int n) {
        LocalDate candidate = day;
        while (workingDays.workingDaysBetween(candidate, day) < n || !workingDays.isWorkingDay(candidate)) {
            candidate = candidate.minusDays(1);
        }
        return candidate;
    }

    private static LocalDate workingDayAfter(WorkingDayCalendar workingDays, LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!workingDays.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
