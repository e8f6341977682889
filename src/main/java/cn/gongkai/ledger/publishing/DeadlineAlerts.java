package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.DeadlineAlertMessages.Alert;
import cn.gongkai.ledger.publishing.DeadlineAlertMessages.AlertState;
import cn.gongkai.ledger.requests.OpenDeadlines;
import cn.gongkai.ledger.requests.OpenDeadlines.OpenDeadline;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deadline alerts for the office's SMS or mail gateway (issue 11, item 9): once per application,
 * state and due date, a message on {@value DeadlineAlertMessages#TOPIC} when an open application
 * enters 3个工作日内到期 (its due date is today or within the next three working days, as the
 * register's {@code dueWithin=3} counts them) or 已超期 (its due date has passed).
 *
 * <p>Runs at {@code gongkai.deadline-alerts.cron} (default 08:00 Beijing time every day) and does
 * nothing on a day the calendar says is not a working day, so a 调休 Saturday gets its alerts and a
 * holiday does not; an administrator can also run it (for the agency) at any time.
 *
 * <p><b>Once.</b> Each alert is sent inside a transaction that first inserts its row into
 * {@code deadline_alert} (primary key application, state, due date) and commits only after Kafka
 * acknowledged the message. A restarted or second instance finds the row and sends nothing; two
 * instances running at the same moment serialize on the key, and the second finds the row once the
 * first commits. If Kafka refuses, the row is rolled back and the next run tries again. A send
 * acknowledged whose commit then fails would go out again with the same CloudEvent {@code id}.
 */
@Component
class DeadlineAlerts {

    /** 3个工作日内到期. */
    static final int DUE_SOON_WORKING_DAYS = 3;

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlerts.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final OpenDeadlines openDeadlines;
    private final CalendarService calendar;
    private final Producer<String, byte[]> producer;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DeadlineAlertMessages messages;

    DeadlineAlerts(OpenDeadlines openDeadlines, CalendarService calendar, Producer<String, byte[]> producer,
                   JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                   PublishingProperties settings) {
        this.openDeadlines = openDeadlines;
        this.calendar = calendar;
        this.producer = producer;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.messages = new DeadlineAlertMessages(settings.schemaBase());
    }

    /** What one run did. */
    record Run(LocalDate businessDate, int sent, int alreadySent) {
    }

    @Scheduled(cron = "${gongkai.deadline-alerts.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void onWorkingDays() {
        LocalDate today = BusinessClock.today(clock);
        if (!calendar.current().isWorkingDay(today)) {
            return;
        }
        try {
            Run run = run(Optional.empty());
            log.info("deadline alerts of {}: {} sent, {} sent before", run.businessDate(), run.sent(), run.alreadySent());
        } catch (RuntimeException e) {
            log.warn("deadline alerts of {} not all sent ({}); the rest go out at the next run", today, e.toString());
        }
    }

    /**
     * Sends every alert due today for {@code agencyId} (every agency when empty) that has not been
     * sent; waits for Kafka's acknowledgement of each.
     *
     * @throws IllegalStateException if Kafka does not take an alert (those sent before stay sent)
     */
    Run run(Optional<String> agencyId) {
        LocalDate today = BusinessClock.today(clock);
        WorkingDayCalendar workingDays = calendar.current();
        LocalDate horizon = workingDays.addWorkingDays(today, DUE_SOON_WORKING_DAYS).dueOn();
        int sent = 0;
        int alreadySent = 0;
        for (OpenDeadline open : openDeadlines.dueOnOrBefore(horizon, agencyId)) {
            boolean overdue = open.dueOn().isBefore(today);
            Alert alert = new Alert(open.requestId(), open.agencyId(), open.registrationNumber(),
                    overdue ? AlertState.OVERDUE : AlertState.DUE_SOON, open.dueOn(), open.provisional(), today,
                    overdue ? 0 : workingDays.workingDaysBetween(today, open.dueOn()),
                    overdue ? workingDays.workingDaysBetween(open.dueOn(), today) : 0);
            if (sendOnce(alert)) {
                sent++;
            } else {
                alreadySent++;
            }
        }
        return new Run(today, sent, alreadySent);
    }

    private boolean sendOnce(Alert alert) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into deadline_alert (request_id, state, due_on, agency_id, registration_number,
                                business_date, sent_at)
                            values (:request, :state, :due, :agency, :number, :date, :at)
                            on conflict do nothing""")
                    .param("request", alert.requestId())
                    .param("state", alert.state().name())
                    .param("due", alert.dueOn())
                    .param("agency", alert.agencyId())
                    .param("number", alert.registrationNumber())
                    .param("date", alert.businessDate())
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            if (inserted == 0) {
                return false;
            }
            send(alert, now);
            return true;
        }));
    }

    private void send(Alert alert, Instant now) {
        try {
            producer.send(messages.record(alert, now)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the deadline alert " + alert.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the deadline alert " + alert.id() + " of application "
                    + alert.requestId(), e);
        }
    }
}
