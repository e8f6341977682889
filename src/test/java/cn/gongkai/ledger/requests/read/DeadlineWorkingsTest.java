package cn.gongkai.ledger.requests.read;

import static cn.gongkai.ledger.requests.read.RequestDeadlineTest.ID;
import static cn.gongkai.ledger.requests.read.RequestDeadlineTest.fold;
import static cn.gongkai.ledger.requests.read.RequestDeadlineTest.received;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.OfficialCalendar;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeadlineWorkings;
import cn.gongkai.ledger.requests.DeadlineWorkings.Day;
import cn.gongkai.ledger.requests.DeadlineWorkings.DayKind;
import cn.gongkai.ledger.requests.DeadlineWorkings.Step;
import cn.gongkai.ledger.requests.DeadlineWorkings.StepKind;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The workings of an answer deadline, day by day, against the official calendar as published
 * ({@code src/test/resources/calendar}), and against the due date the register computes.
 */
class DeadlineWorkingsTest {

    private static final WorkingDayCalendar CALENDAR = OfficialCalendar.calendar();
    private static final OfficialCalendar.Reference OFFICIAL = OfficialCalendar.reference();

    private final StatutoryDeadlines deadlines = new StatutoryDeadlines(null, true);

    @Test
    void acrossTheNationalDay2025TheHolidaysAreSkippedByNameAndBothWorkingWeekendDaysCount() {
        DeadlineWorkings workings = workings(received(LocalDate.of(2025, 9, 26)));

        assertThat(lines(workings)).containsExactly(
                "2025-09-26 星期五 START 收到申请之日（不计入） -",
                "2025-09-27 星期六 WEEKEND 周末 -",
                "2025-09-28 星期日 ADJUSTED_WORKDAY 国庆节调休上班 1",
                "2025-09-29 星期一 WORKING_DAY 工作日 2",
                "2025-09-30 星期二 WORKING_DAY 工作日 3",
                "2025-10-01 星期三 HOLIDAY 国庆节 -",
                "2025-10-02 星期四 HOLIDAY 国庆节 -",
                "2025-10-03 星期五 HOLIDAY 国庆节 -",
                "2025-10-04 星期六 HOLIDAY 国庆节 -",
                "2025-10-05 星期日 HOLIDAY 国庆节 -",
                "2025-10-06 星期一 HOLIDAY 中秋 -",
                "2025-10-07 星期二 HOLIDAY 国庆节 -",
                "2025-10-08 星期三 HOLIDAY 国庆节 -",
                "2025-10-09 星期四 WORKING_DAY 工作日 4",
                "2025-10-10 星期五 WORKING_DAY 工作日 5",
                "2025-10-11 星期六 ADJUSTED_WORKDAY 国庆节调休上班 6",
                "2025-10-12 星期日 WEEKEND 周末 -",
                "2025-10-13 星期一 WORKING_DAY 工作日 7",
                "2025-10-14 星期二 WORKING_DAY 工作日 8",
                "2025-10-15 星期三 WORKING_DAY 工作日 9",
                "2025-10-16 星期四 WORKING_DAY 工作日 10",
                "2025-10-17 星期五 WORKING_DAY 工作日 11",
                "2025-10-18 星期六 WEEKEND 周末 -",
                "2025-10-19 星期日 WEEKEND 周末 -",
                "2025-10-20 星期一 WORKING_DAY 工作日 12",
                "2025-10-21 星期二 WORKING_DAY 工作日 13",
                "2025-10-22 星期三 WORKING_DAY 工作日 14",
                "2025-10-23 星期四 WORKING_DAY 工作日 15",
                "2025-10-24 星期五 WORKING_DAY 工作日 16",
                "2025-10-25 星期六 WEEKEND 周末 -",
                "2025-10-26 星期日 WEEKEND 周末 -",
                "2025-10-27 星期一 WORKING_DAY 工作日 17",
                "2025-10-28 星期二 WORKING_DAY 工作日 18",
                "2025-10-29 星期三 WORKING_DAY 工作日 19",
                "2025-10-30 星期四 WORKING_DAY 工作日 20");
        assertThat(workings.dueOn()).isEqualTo(LocalDate.of(2025, 10, 30));
        assertThat(workings.days().getLast().dueDay()).isTrue();
        assertThat(workings.days()).filteredOn(Day::dueDay).hasSize(1);
        assertThat(kinds(workings)).containsExactly(StepKind.RECEIVED, StepKind.PERIOD, StepKind.DUE);
        assertThat(workings.steps().getFirst().text()).contains("当面提交", "以提交之日为收到申请之日", "2025-09-26");
        assertThat(workings.steps().getLast().text()).contains("第20个工作日", "2025-10-30（星期四）");
        assertAgreesWithTheOfficialCalendar(workings);
    }

    @Test
    void acrossTheNationalDay2024TheWorkingSaturdayAfterTheHolidayCounts() {
        DeadlineWorkings workings = workings(received(LocalDate.of(2024, 9, 25)));

        assertThat(lines(workings)).contains(
                "2024-09-29 星期日 ADJUSTED_WORKDAY 国庆节调休上班 3",
                "2024-10-01 星期二 HOLIDAY 国庆节 -",
                "2024-10-07 星期一 HOLIDAY 国庆节 -",
                "2024-10-08 星期二 WORKING_DAY 工作日 5",
                "2024-10-12 星期六 ADJUSTED_WORKDAY 国庆节调休上班 9",
                "2024-10-13 星期日 WEEKEND 周末 -");
        assertAgreesWithTheOfficialCalendar(workings);
    }

    @Test
    void aCorrectionRestartsTheCountFromTheDayTheCorrectedApplicationArrives() {
        RequestEvent[] events = {
                received(LocalDate.of(2026, 3, 2)),
                new CorrectionRequested(ID, "请写明文件名称", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 18)),
                new CorrectionReceived(ID, LocalDate.of(2026, 3, 20))};

        DeadlineWorkings awaiting = deadlines.workings(fold(events[0], events[1]), CALENDAR);
        assertThat(awaiting.days()).isEmpty();
        assertThat(awaiting.dueOn()).isNull();
        assertThat(awaiting.clockRuns()).isFalse();
        assertThat(kinds(awaiting)).containsExactly(StepKind.RECEIVED, StepKind.CORRECTION_REQUESTED, StepKind.NO_DATE);

        DeadlineWorkings workings = workings(events);
        assertThat(kinds(workings)).containsExactly(StepKind.RECEIVED, StepKind.CORRECTION_REQUESTED,
                StepKind.CORRECTION_RECEIVED, StepKind.PERIOD, StepKind.DUE);
        assertThat(step(workings, StepKind.CORRECTION_RECEIVED).text()).contains("2026-03-20", "重新计算");
        assertThat(lines(workings)).startsWith(
                "2026-03-20 星期五 START 收到补正申请之日（不计入） -",
                "2026-03-21 星期六 WEEKEND 周末 -",
                "2026-03-22 星期日 WEEKEND 周末 -",
                "2026-03-23 星期一 WORKING_DAY 工作日 1");
        assertThat(lines(workings)).contains(
                "2026-04-03 星期五 WORKING_DAY 工作日 10",
                "2026-04-04 星期六 HOLIDAY 清明 -",
                "2026-04-06 星期一 HOLIDAY 清明 -",
                "2026-04-07 星期二 WORKING_DAY 工作日 11");
        assertThat(workings.dueOn()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertAgreesWithTheOfficialCalendar(workings);
    }

    @Test
    void aConsultationLeavesOutItsDaysAndTheExtensionCountsOnToForty() {
        DeadlineWorkings workings = workings(
                received(LocalDate.of(2026, 4, 20)),
                new ConsultationStarted(ID, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2026, 4, 24)),
                new ConsultationAnswered(ID, LocalDate.of(2026, 5, 15)),
                new DeadlineExtended(ID, 20, "需征求多方意见", "reviewer", LocalDate.of(2026, 5, 18)));

        assertThat(lines(workings)).contains(
                "2026-04-24 星期五 WORKING_DAY 工作日 4",
                "2026-04-25 星期六 CONSULTATION 征求意见期间不计算（周末） -",
                "2026-04-27 星期一 CONSULTATION 征求意见期间不计算 -",
                "2026-05-01 星期五 CONSULTATION 征求意见期间不计算（劳动节） -",
                "2026-05-09 星期六 CONSULTATION 征求意见期间不计算（劳动节调休上班） -",
                "2026-05-15 星期五 CONSULTATION 征求意见期间不计算 -",
                "2026-05-18 星期一 WORKING_DAY 工作日 5");
        // 27–30 Apr, 6–8 May, 9 May (调休上班), 11–15 May
        assertThat(step(workings, StepKind.CONSULTATION).text()).contains("未计算的工作日 13 个");
        assertThat(step(workings, StepKind.EXTENSION).text()).contains("延长答复期限20个工作日", "合计40个工作日");
        assertThat(workings.days()).filteredOn(Day::extension).extracting(Day::countedAs)
                .containsExactlyElementsOf(range(21, 40));
        assertThat(workings.days().getLast().countedAs()).isEqualTo(40);
        assertThat(workings.dueOn()).isEqualTo(LocalDate.of(2026, 7, 7));
        assertAgreesWithTheOfficialCalendar(workings);
    }

    @Test
    void aFeePeriodLeavesOutItsDaysAndAnOpenOneLeavesNoDate() {
        RequestEvent[] events = {
                received(LocalDate.of(2026, 4, 20)),
                new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, LocalDate.of(2026, 4, 24),
                        LocalDate.of(2026, 5, 22)),
                new FeePaid(ID, 170_000, LocalDate.of(2026, 5, 15))};

        DeadlineWorkings open = deadlines.workings(fold(events[0], events[1]), CALENDAR);
        assertThat(open.paused()).isTrue();
        assertThat(open.dueOn()).isNull();
        assertThat(open.days().getLast().kind()).isEqualTo(DayKind.FEE);
        assertThat(step(open, StepKind.NO_DATE).label()).isEqualTo("暂停计算");

        DeadlineWorkings workings = workings(events);
        assertThat(lines(workings)).contains(
                "2026-04-24 星期五 WORKING_DAY 工作日 4",
                "2026-04-27 星期一 FEE 缴费期间不计算 -",
                "2026-05-15 星期五 FEE 缴费期间不计算 -",
                "2026-05-18 星期一 WORKING_DAY 工作日 5",
                "2026-06-08 星期一 WORKING_DAY 工作日 20");
        assertThat(workings.dueOn()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertAgreesWithTheOfficialCalendar(workings);

        DeadlineWorkings notPaused = new StatutoryDeadlines(null, false).workings(fold(events), CALENDAR);
        assertThat(notPaused.days()).noneMatch(day -> day.kind() == DayKind.FEE);
        assertThat(step(notPaused, StepKind.FEE).text()).contains("不停止计算");
        assertThat(notPaused.dueOn()).isEqualTo(LocalDate.of(2026, 5, 20));
    }

    @Test
    void aPeriodRunningIntoAYearWithoutACalendarSaysSoPlainly() {
        DeadlineWorkings workings = workings(received(LocalDate.of(2026, 12, 15)));

        assertThat(workings.provisional()).isTrue();
        assertThat(workings.note()).contains("2027年尚无官方节假日安排");
        assertThat(step(workings, StepKind.PROVISIONAL).text()).isEqualTo(workings.note());
        assertThat(workings.days()).filteredOn(day -> day.date().getYear() == 2027 && day.countedAs() != null)
                .isNotEmpty().allMatch(Day::withoutCalendar);
        assertThat(workings.days()).filteredOn(day -> day.date().getYear() == 2026).noneMatch(Day::withoutCalendar);
    }

    @Test
    void theDueDateOfTheWorkingsIsTheRegistersForRandomHistories() {
        Random random = new Random(20261202);
        int compared = 0;
        for (int i = 0; i < 2_000; i++) {
            var file = fold(history(random));
            DeadlineWorkings workings = deadlines.workings(file, CALENDAR);
            Optional<Deadline> deadline = deadlines.of(file, CALENDAR);
            if (deadline.isPresent()) {
                compared++;
                assertThat(workings.dueOn()).as("history %d", i).isEqualTo(deadline.get().dueOn());
                assertThat(workings.paused()).isEqualTo(deadline.get().paused());
                assertThat(workings.provisional()).isEqualTo(deadline.get().provisional());
            }
            if (workings.dueOn() != null) {
                assertThat(workings.days().getLast().date()).isEqualTo(workings.dueOn());
                assertThat(workings.days().getLast().countedAs())
                        .isEqualTo(workings.answerWorkingDays() + workings.extensionWorkingDays());
            }
            assertAgreesWithTheOfficialCalendar(workings);
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    /** A random history: receipt 2019–2026, perhaps a correction, consultations, a fee, an extension, a withdrawal. */
    private static RequestEvent[] history(Random random) {
        List<RequestEvent> events = new ArrayList<>();
        LocalDate day = LocalDate.of(2019, 6, 1).plusDays(random.nextInt(365 * 7 + 150));
        events.add(received(day));
        if (random.nextInt(4) == 0) {
            day = day.plusDays(1 + random.nextInt(7));
            events.add(new CorrectionRequested(ID, "请写明文件名称", day, day.plusDays(15)));
            day = day.plusDays(random.nextInt(20));
            events.add(new CorrectionReceived(ID, day));
        }
        int steps = random.nextInt(5);
        for (int s = 0; s < steps; s++) {
            day = day.plusDays(random.nextInt(12));
            switch (random.nextInt(4)) {
                case 0 -> {
                    events.add(new ConsultationStarted(ID, ConsultedParty.OTHER_AGENCY, "市财政局", day));
                    if (random.nextInt(5) > 0) {
                        day = day.plusDays(random.nextInt(25));
                        events.add(new ConsultationAnswered(ID, day));
                    } else {
                        return events.toArray(RequestEvent[]::new);
                    }
                }
                case 1 -> {
                    events.add(new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, day, day.plusDays(28)));
                    if (random.nextInt(5) > 0) {
                        day = day.plusDays(random.nextInt(25));
                        events.add(random.nextBoolean() ? new FeePaid(ID, 170_000, day)
                                : new FeeWaived(ID, "困难", day));
                    } else {
                        return events.toArray(RequestEvent[]::new);
                    }
                }
                case 2 -> {
                    if (events.stream().noneMatch(DeadlineExtended.class::isInstance)) {
                        events.add(new DeadlineExtended(ID, 1 + random.nextInt(20), "复杂", "reviewer", day));
                    }
                }
                default -> {
                    events.add(new RequestWithdrawn(ID, "撤回", day));
                    return events.toArray(RequestEvent[]::new);
                }
            }
        }
        return events.toArray(RequestEvent[]::new);
    }

    /**
     * Each day after the first agrees with the official calendar as published (its kind and name),
     * the days follow one another, and the counted ones are numbered 1, 2, 3 … in order.
     */
    private static void assertAgreesWithTheOfficialCalendar(DeadlineWorkings workings) {
        List<Day> days = workings.days();
        int expectedNumber = 1;
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            assertThat(day.date()).isEqualTo(days.getFirst().date().plusDays(i));
            if (i == 0) {
                assertThat(day.kind()).isEqualTo(DayKind.START);
                continue;
            }
            if (day.kind() == DayKind.CONSULTATION || day.kind() == DayKind.FEE) {
                assertThat(day.countedAs()).isNull();
                continue;
            }
            assertThat(day.kind()).as("%s", day.date()).isEqualTo(official(day.date()));
            switch (day.kind()) {
                case HOLIDAY -> assertThat(day.label()).isEqualTo(OFFICIAL.years().get(day.date().getYear())
                        .holidays().get(day.date()));
                case ADJUSTED_WORKDAY -> assertThat(day.label()).isEqualTo(OFFICIAL.years().get(day.date().getYear())
                        .adjustedWorkdays().get(day.date()));
                case WEEKEND -> assertThat(day.label()).isEqualTo("周末");
                default -> assertThat(day.label()).isEqualTo("工作日");
            }
            boolean working = day.kind() == DayKind.WORKING_DAY || day.kind() == DayKind.ADJUSTED_WORKDAY;
            assertThat(day.countedAs()).as("%s", day.date()).isEqualTo(working ? Integer.valueOf(expectedNumber) : null);
            if (working) {
                expectedNumber++;
            }
        }
    }

    /** The kind of a day on the published calendar; a year not published is judged on weekends alone. */
    private static DayKind official(LocalDate date) {
        OfficialCalendar.Days year = OFFICIAL.years().get(date.getYear());
        if (year != null && year.holidays().containsKey(date)) {
            return DayKind.HOLIDAY;
        }
        if (year != null && year.adjustedWorkdays().containsKey(date)) {
            return DayKind.ADJUSTED_WORKDAY;
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? DayKind.WEEKEND : DayKind.WORKING_DAY;
    }

    private DeadlineWorkings workings(RequestEvent... events) {
        return deadlines.workings(fold(events), CALENDAR);
    }

    private static List<String> lines(DeadlineWorkings workings) {
        return workings.days().stream().map(day -> day.date() + " " + day.weekday() + " " + day.kind() + " "
                + day.label() + " " + (day.countedAs() == null ? "-" : day.countedAs())).toList();
    }

    private static List<StepKind> kinds(DeadlineWorkings workings) {
        return workings.steps().stream().map(Step::kind).toList();
    }

    private static Step step(DeadlineWorkings workings, StepKind kind) {
        return workings.steps().stream().filter(step -> step.kind() == kind).findFirst().orElseThrow();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
