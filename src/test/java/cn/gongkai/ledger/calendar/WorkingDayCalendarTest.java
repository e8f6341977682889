package cn.gongkai.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deadlines counted on the real 2019–2026 calendar. Every expected date was counted by hand from
 * the State Council notices (the JSON in src/test/resources/calendar); the comments show the count.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = OfficialCalendar.calendar();

    @Test
    void theOfficialYearsAreLoadedAnd2027IsNot() {
        assertThat(calendar.years()).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(calendar.hasCalendarFor(2026)).isTrue();
        assertThat(calendar.hasCalendarFor(2027)).isFalse();
    }

    @Test
    void anAdjustedWorkdayIsWorkedAHolidayIsNotAndWeekendsAreOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, 春节调休上班").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday, 春节").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).as("an ordinary Monday").isTrue();
    }

    @Test
    void aYearWithoutCalendarHasOnlyWeekendsOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("Friday, 元旦 not yet announced").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).as("Saturday").isFalse();
    }

    @Test
    void theReceiptDayIsNotCounted() {
        LocalDate monday = LocalDate.of(2026, 3, 9);
        assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

        assertThat(calendar.addWorkingDays(monday, 1).dueOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(new StatutoryPeriod(monday, 1).clockRunsOn(monday)).isFalse();
    }

    @Test
    void anApplicationReceivedJustBeforeTheSpringFestivalIsDueAfterTheHolidayWeek() {
        // received Thursday 2026-02-12. Counting:
        //   13 Feb (Fri) = 1, 14 Feb (Sat, 春节调休上班) = 2,
        //   15–23 Feb 春节 holiday: nothing,
        //   24–27 Feb (Tue–Fri) = 3..6, 28 Feb (Sat, 春节调休上班) = 7, 1 Mar (Sun) off,
        //   2–6 Mar = 8..12, 9–13 Mar = 13..17, 16–18 Mar = 18..20
        // On weekends alone it would have been 12 March.
        Deadline deadline = calendar.addWorkingDays(LocalDate.of(2026, 2, 12), 20);

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 3, 18));
        assertThat(deadline.provisional()).isFalse();
        assertThat(deadline.paused()).isFalse();
        assertThat(deadline.message()).isNull();
    }

    @Test
    void anAdjustedWorkingSundayCounts() {
        // received Friday 2025-09-26: Saturday 27 is off, Sunday 28 is 国庆节调休上班
        assertThat(LocalDate.of(2025, 9, 28).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);

        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 1).dueOn()).isEqualTo(LocalDate.of(2025, 9, 28));
    }

    @Test
    void aPeriodAcrossTheNationalDayCountsBothAdjustedWorkdays() {
        // received Friday 2025-09-26:
        //   28 Sep (Sun, 调休上班) = 1, 29–30 Sep = 2..3, 1–8 Oct 国庆节/中秋 holiday,
        //   9–10 Oct (Thu–Fri) = 4..5, 11 Oct (Sat, 调休上班) = 6, 12 Oct (Sun) off,
        //   13–17 Oct = 7..11, 20–24 Oct = 12..16, 27–30 Oct = 17..20
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 9, 26), 20).dueOn()).isEqualTo(LocalDate.of(2025, 10, 30));
    }

    @Test
    void aCorrectionRestartsThePeriodFromTheDayTheCorrectedApplicationArrives() {
        // received Monday 2026-03-02, due 30 March as received; the corrected application arrives
        // Friday 2026-03-20, and the period runs from there (条例 第三十条):
        //   23–27 Mar = 1..5, 30 Mar–3 Apr = 6..10, 4–6 Apr 清明 (Sat–Mon) off,
        //   7–10 Apr = 11..14, 13–17 Apr = 15..19, 20 Apr = 20
        assertThat(calendar.due(new StatutoryPeriod(LocalDate.of(2026, 3, 2), 20)).dueOn())
                .isEqualTo(LocalDate.of(2026, 3, 30));

        Deadline afterCorrection = calendar.due(new StatutoryPeriod(LocalDate.of(2026, 3, 20), 20));

        assertThat(afterCorrection.dueOn()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void aConsultationPausesTheClockAndTheExtensionAddsTwentyDays() {
        // received Monday 2026-04-20; consultation from Friday 24 April to Friday 15 May; extended
        // by 20 working days, so 40 in all:
        //   21–24 Apr = 1..4 (the day the consultation starts still counts),
        //   25 Apr–15 May not counted (including 5–9 May and the 调休 Saturday 9 May),
        //   18–22 May = 5..9, 25–29 May = 10..14, 1–5 Jun = 15..19, 8–12 Jun = 20..24,
        //   15–18 Jun = 25..28, 19 Jun 端午 off, 22–26 Jun = 29..33, 29 Jun–3 Jul = 34..38,
        //   6–7 Jul = 39..40
        StatutoryPeriod period = new StatutoryPeriod(LocalDate.of(2026, 4, 20), 40,
                List.of(new Pause(LocalDate.of(2026, 4, 24), LocalDate.of(2026, 5, 15))));

        Deadline deadline = calendar.due(period);

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 7, 7));
        assertThat(period.clockRunsOn(LocalDate.of(2026, 4, 24))).as("consultation starts").isTrue();
        assertThat(period.clockRunsOn(LocalDate.of(2026, 5, 15))).as("answer arrives").isFalse();
        assertThat(period.clockRunsOn(LocalDate.of(2026, 5, 16))).as("day after the answer").isTrue();
    }

    @Test
    void anOpenConsultationLeavesTheDeadlineWithoutDate() {
        StatutoryPeriod period = new StatutoryPeriod(LocalDate.of(2026, 4, 20), 20,
                List.of(Pause.openSince(LocalDate.of(2026, 4, 24))));

        Deadline deadline = calendar.due(period);

        assertThat(deadline.paused()).isTrue();
        assertThat(deadline.dueOn()).isNull();
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void aPauseOpenedAfterThePeriodEndedDoesNotHoldItUp() {
        // received Thursday 2026-02-12, due 18 March (see above); a consultation opened on 20 March
        // comes too late to change that
        StatutoryPeriod period = new StatutoryPeriod(LocalDate.of(2026, 2, 12), 20,
                List.of(Pause.openSince(LocalDate.of(2026, 3, 20))));

        Deadline deadline = calendar.due(period);

        assertThat(deadline.paused()).isFalse();
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 3, 18));
    }

    @Test
    void aPeriodRunningIntoAYearWithoutCalendarIsProvisionalAndCountsWeekendsAlone() {
        // received Thursday 2026-12-10: 11 Dec = 1, 14–18 Dec = 2..6, 21–25 Dec = 7..11,
        // 28–31 Dec = 12..15; 2027 has no calendar, so Friday 1 Jan (surely 元旦) counts: 16,
        // 4–7 Jan = 17..20
        Deadline deadline = calendar.addWorkingDays(LocalDate.of(2026, 12, 10), 20);

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(deadline.provisional()).isTrue();
        assertThat(deadline.yearsWithoutCalendar()).containsExactly(2027);
        assertThat(deadline.message())
                .isEqualTo("2027年尚无官方节假日安排，期限仅按周末计算 / no official calendar for 2027: deadline counted on weekends alone");
    }

    @Test
    void loadingTheNewYearMakesTheDeadlineFinal() {
        CalendarYear year2027 = new CalendarYear(2027, Map.of(LocalDate.of(2027, 1, 1), "元旦"), Map.of());
        List<CalendarYear> years = new java.util.ArrayList<>(OfficialCalendar.years());
        years.add(year2027);

        Deadline deadline = WorkingDayCalendar.of(years).addWorkingDays(LocalDate.of(2026, 12, 10), 20);

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(deadline.provisional()).isFalse();
    }

    @Test
    void aPeriodEndingBeforeTheYearWithoutCalendarIsNotProvisional() {
        // 2026-12-30 (Wed) + 1 = 31 Dec: 2027 is never looked at
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 1).provisional()).isFalse();
    }

    @Test
    void zeroWorkingDaysEndOnTheStartDay() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 15), 0).dueOn()).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void aCalendarCannotHoldTheSameYearTwice() {
        CalendarYear year = new CalendarYear(2027, Map.of(), Map.of());

        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(year, year)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnyCalendarEveryDeadlineIsProvisional() {
        Deadline deadline = WorkingDayCalendar.weekendsOnly().addWorkingDays(LocalDate.of(2026, 2, 12), 20);

        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(deadline.yearsWithoutCalendar()).containsExactly(2026);
    }
}
