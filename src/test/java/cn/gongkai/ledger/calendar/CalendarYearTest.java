package cn.gongkai.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.ledger.platform.FieldProblem;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules every year's calendar obeys, checked on what an administrator might type. */
class CalendarYearTest {

    @Test
    void everyOfficialYearObeysTheRules() {
        assertThat(OfficialCalendar.years()).hasSize(8);
    }

    @Test
    void aDateOutsideTheYearIsRejectedByItsField() {
        CalendarInputRejected rejected = rejected(() -> new CalendarYear(2027,
                Map.of(LocalDate.of(2026, 12, 31), "元旦"), Map.of()));

        assertThat(rejected.problems()).containsExactly(new FieldProblem("holidays.2026-12-31", "节假日（2026-12-31）",
                "日期不在2027年内", "the date is not in 2027"));
    }

    @Test
    void aDayCannotBeBothHolidayAndAdjustedWorkday() {
        LocalDate saturday = LocalDate.of(2027, 2, 6);

        CalendarInputRejected rejected = rejected(() -> new CalendarYear(2027,
                Map.of(saturday, "春节"), Map.of(saturday, "春节调休上班")));

        assertThat(rejected.problems()).extracting(FieldProblem::field, FieldProblem::messageEn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("adjustedWorkdays.2027-02-06",
                        "a day cannot be both a holiday and an adjusted workday"));
    }

    @Test
    void anAdjustedWorkdayMustBeASaturdayOrSunday() {
        CalendarInputRejected rejected = rejected(() -> new CalendarYear(2027,
                Map.of(), Map.of(LocalDate.of(2027, 2, 3), "春节调休上班")));

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("adjustedWorkdays.2027-02-03");
            assertThat(problem.label()).isEqualTo("调休上班日（2027-02-03）");
            assertThat(problem.messageZh()).isEqualTo("调休上班日须为星期六或星期日");
            assertThat(problem.messageEn()).isEqualTo("an adjusted workday must be a Saturday or Sunday");
        });
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        CalendarInputRejected rejected = rejected(() -> new CalendarYear(2027,
                Map.of(LocalDate.of(2028, 1, 1), " "), Map.of(LocalDate.of(2027, 3, 3), "调休")));

        assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "holidays.2028-01-01", "holidays.2028-01-01", "adjustedWorkdays.2027-03-03");
    }

    @Test
    void bothListsAreRequiredButMayBeEmpty() {
        CalendarInputRejected rejected = rejected(() -> new CalendarYear(2027, null, null));

        assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("holidays", "adjustedWorkdays");
        assertThat(new CalendarYear(2027, Map.of(), Map.of()).days()).isEmpty();
    }

    @Test
    void anImplausibleYearIsRejected() {
        assertThat(rejected(() -> new CalendarYear(20277, Map.of(), Map.of())).problems())
                .extracting(FieldProblem::field).containsExactly("year");
    }

    @Test
    void theDaysOfAYearAreListedByDate() {
        CalendarYear year = new CalendarYear(2027, Map.of(LocalDate.of(2027, 2, 8), "春节"),
                Map.of(LocalDate.of(2027, 2, 6), "春节调休上班"));

        assertThat(year.days()).containsExactly(
                new CalendarDay(LocalDate.of(2027, 2, 6), DayKind.ADJUSTED_WORKDAY, "春节调休上班"),
                new CalendarDay(LocalDate.of(2027, 2, 8), DayKind.HOLIDAY, "春节"));
        assertThat(CalendarYear.of(2027, year.days())).isEqualTo(year);
    }

    private static CalendarInputRejected rejected(Runnable making) {
        CalendarInputRejected rejected = catchThrowableOfType(CalendarInputRejected.class, making::run);
        assertThat(rejected).as("rejected").isNotNull();
        return rejected;
    }
}
