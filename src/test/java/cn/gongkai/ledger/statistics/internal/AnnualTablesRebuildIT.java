package cn.gongkai.ledger.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.write.amendment.CorrectApplicantCategory;
import cn.gongkai.ledger.requests.write.amendment.CorrectOutcome;
import cn.gongkai.ledger.requests.write.answer.ApproveAnswer;
import cn.gongkai.ledger.requests.write.answer.DraftAnswer;
import cn.gongkai.ledger.requests.write.answer.IssueAnswer;
import cn.gongkai.ledger.requests.write.conclusion.LapseCause;
import cn.gongkai.ledger.requests.write.conclusion.LapseRequest;
import cn.gongkai.ledger.requests.write.conclusion.WithdrawRequest;
import cn.gongkai.ledger.requests.write.correction.RequestCorrection;
import cn.gongkai.ledger.requests.write.receive.ReceiveRequest;
import cn.gongkai.ledger.statistics.AnnualTables;
import cn.gongkai.ledger.statistics.Part3Table;
import cn.gongkai.ledger.statistics.Reconciliation;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The annual tables can be thrown away and rebuilt from the event store, giving exactly the same
 * tables: 1,200 applications of two agencies (about a hundred per agency and year), received over
 * past years and driven through the real command side (answers, withdrawals, lapses, outcome and category corrections), with
 * years closed in the middle so that live carry-forwards and late registrations into closed years
 * are in the stream too. The replay must not send carry-forwards again.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {"gongkai.test.database=rebuild", "gongkai.year-close.automatic=false"})
class AnnualTablesRebuildIT {

    private static final List<String> AGENCIES = List.of("kaifaqu", "yicheng");
    private static final int APPLICATIONS_BEFORE_CLOSE = 800;
    private static final int APPLICATIONS_AFTER_CLOSE = 400;
    private static final LocalDate FIRST_RECEIPT = LocalDate.of(2021, 1, 1);
    private static final LocalDate LAST_RECEIPT = LocalDate.of(2025, 12, 31);
    private static final int FIRST_YEAR = 2020;
    private static final List<Outcome> ANSWER_OUTCOMES =
            Arrays.stream(Outcome.values()).filter(Outcome::isAnswerOutcome).toList();

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    AnnualTables tables;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void resettingTheAnnualTablesRebuildsEveryTableExactly() throws Exception {
        LocalDate today = BusinessClock.today(clock);
        // given 1,200 applications, years closed half-way, and more registered after the close
        applications(0, APPLICATIONS_BEFORE_CLOSE, today);
        closeYear("kaifaqu", 2021);
        closeYear("kaifaqu", 2022);
        closeYear("yicheng", 2021);
        applications(APPLICATIONS_BEFORE_CLOSE, APPLICATIONS_AFTER_CLOSE, today);
        StreamingEventProcessor processor = processing
                .eventProcessor(AnnualTablesProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        awaitCaughtUp(processor);
        long events = eventCount();
        Map<String, Part3Table> before = allTables(today.getYear());
        assertThat(before.get("kaifaqu 2021").closed()).isTrue();
        assertThat(before.entrySet().stream().filter(table -> table.getKey().startsWith("all "))
                .mapToLong(table -> table.getValue().cell(TableRow.RECEIVED, TableColumn.TOTAL)).sum())
                .isEqualTo(APPLICATIONS_BEFORE_CLOSE + APPLICATIONS_AFTER_CLOSE);

        // when the projection is reset and rebuilt from the event store
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.sql("select count(*) from statistics_count").query(Long.class).single()).isZero();
        processor.start();
        awaitCaughtUp(processor);

        // then every table is exactly as before, and the replay sent no carry-forward again
        assertThat(allTables(today.getYear())).isEqualTo(before);
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * Every agency's table and the roll-up, for every year from before the first receipt to this
     * one, each checked against the reconciliation rules on the way.
     */
    private Map<String, Part3Table> allTables(int lastYear) {
        Map<String, Part3Table> all = new LinkedHashMap<>();
        List<String> unreconciled = new ArrayList<>();
        for (String agency : AGENCIES) {
            Part3Table previous = null;
            for (int year = FIRST_YEAR; year <= lastYear; year++) {
                Part3Table table = tables.part3(agency, year);
                Reconciliation.check(table, previous).forEach(f -> unreconciled.add(table.agencyId() + " "
                        + table.year() + " " + f.messageEn()));
                all.put(agency + " " + year, table);
                previous = table;
            }
        }
        for (int year = FIRST_YEAR; year <= lastYear; year++) {
            all.put("all " + year, tables.part3("all", AGENCIES, year));
        }
        assertThat(unreconciled).isEmpty();
        return all;
    }

    private void applications(int first, int count, LocalDate today) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> lives = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                int index = i;
                lives.add(pool.submit(() -> live(index, today)));
            }
            for (Future<?> life : lives) {
                life.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One application's life, the same for the same index: received on a day of 2021–2025; about
     * half answered, some withdrawn or lapsed, the rest left open; some corrected afterwards.
     */
    private void live(int index, LocalDate today) {
        Random random = new Random(index);
        String agency = AGENCIES.get(index % AGENCIES.size());
        Actor handler = new Actor("handler-" + agency, agency, Set.of(Role.HANDLER));
        Actor reviewer = new Actor("reviewer-" + agency, agency, Set.of(Role.REVIEWER));
        // 编审分离 after the fact: neither the drafter nor the approver corrects the answer
        Actor corrector = new Actor("reviewer2-" + agency, agency, Set.of(Role.REVIEWER));
        UUID id = UUID.nameUUIDFromBytes(("rebuild-" + index).getBytes(StandardCharsets.UTF_8));
        LocalDate receivedOn = FIRST_RECEIPT.plusDays(
                random.nextInt((int) ChronoUnit.DAYS.between(FIRST_RECEIPT, LAST_RECEIPT) + 1));
        ApplicantCategory category = pick(random, ApplicantCategory.values());
        send(handler, new ReceiveRequest(id, Channel.INTERNET, receivedOn, category,
                new ApplicantDetails("申请人" + index, "居民身份证", "110101199003071234", "13800138000", "地址"),
                "政府信息" + index, DeliveryForm.ELECTRONIC_BY_EMAIL));
        if (random.nextInt(10) == 0) {
            category = other(random, category);
            send(corrector, new CorrectApplicantCategory(id, null, category, "类别登记有误", receivedOn));
        }
        LocalDate concludedOn = min(receivedOn.plusDays(random.nextInt(random.nextBoolean() ? 30 : 500)), today);
        int fate = random.nextInt(20);
        boolean lapsed = false;
        Outcome outcome;
        if (fate < 10) {
            outcome = pick(random, ANSWER_OUTCOMES);
            send(handler, new DraftAnswer(id, null, outcome, "条例第三十六条", "答复", concludedOn));
            send(reviewer, new ApproveAnswer(id, null, concludedOn));
            send(handler, new IssueAnswer(id, null, concludedOn));
        } else if (fate < 12) {
            outcome = Outcome.OTHER_OTHER;
            send(handler, new WithdrawRequest(id, null, "申请人撤回", concludedOn));
        } else if (fate < 13) {
            LocalDate requestedOn = receivedOn.plusDays(1);
            LocalDate dueOn = requestedOn.plusDays(15);
            send(handler, new RequestCorrection(id, null, "内容不明确", requestedOn, dueOn));
            concludedOn = min(dueOn.plusDays(1 + random.nextInt(400)), today);
            send(handler, new LapseRequest(id, null, LapseCause.CORRECTION_NOT_SUBMITTED, concludedOn));
            outcome = Outcome.OTHER_CORRECTION_NOT_SUBMITTED;
            lapsed = true;
        } else {
            return;
        }
        if (random.nextInt(8) == 0) {
            Outcome corrected = lapsed && random.nextBoolean()
                    ? Outcome.OTHER_FEE_NOT_PAID
                    : other(random, ANSWER_OUTCOMES, outcome);
            send(corrector, new CorrectOutcome(id, null, corrected, "结果登记有误", concludedOn));
        }
        if (random.nextInt(10) == 0) {
            send(corrector, new CorrectApplicantCategory(id, null, other(random, category), "类别登记有误", concludedOn));
        }
    }

    private void closeYear(String agency, int year) {
        send(new Actor("head-" + agency, agency, Set.of(Role.HEAD)), new CloseYear(agency, year, CloseYear.yearEnded(year)));
    }

    private void send(Actor actor, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()));
    }

    /**
     * Caught up when the processor's token stands at the head of the event store. The head is read
     * each time: the live projection itself appends carry-forwards while it works through closes.
     */
    private void awaitCaughtUp(StreamingEventProcessor processor) {
        // a bound for the loaded 2-core machine: the replay of the 3,000 applications' events took over 60 s there
        // beside the other surefire JVM
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            assertThat(status.values()).noneMatch(EventTrackerStatus::isErrorState);
            long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry")
                    .query(Long.class).single();
            // not isReplaying(): a replay token stays one until an event beyond the reset point arrives
            return !status.isEmpty() && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static ApplicantCategory other(Random random, ApplicantCategory current) {
        return other(random, List.of(ApplicantCategory.values()), current);
    }

    private static <T> T other(Random random, List<T> values, T current) {
        List<T> others = values.stream().filter(v -> !v.equals(current)).toList();
        return pick(random, others);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
