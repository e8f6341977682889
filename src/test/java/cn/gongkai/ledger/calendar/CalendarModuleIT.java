package cn.gongkai.ledger.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.ledger.TestDatabaseInitializer;
import cn.gongkai.ledger.calendar.internal.CalendarStore;
import cn.gongkai.ledger.platform.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The calendar module alone (Spring Modulith's {@code @ApplicationModuleTest}: its own beans and the open
 * {@code platform}'s, no other module, no broker) on a real PostgreSQL database of its own: the seed migration,
 * administrator changes with their transaction and change log, and the cache across instances. What the requests
 * module does with a new calendar (recomputing open deadlines) is scripted here through the module's own
 * {@link DeadlineRecomputation} interface. The HTTP contract is {@link CalendarServiceIT}'s, on the whole service.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.STANDALONE, extraIncludes = "platform")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@ActiveProfiles("test")
class CalendarModuleIT {

    /** Stands in for the requests module: records the calendar it is given, answers as told. */
    static class ScriptedRecomputation implements DeadlineRecomputation {

        volatile WorkingDayCalendar given;
        volatile List<MovedDeadline> answer = List.of();
        volatile RuntimeException failure;

        @Override
        public List<MovedDeadline> recomputeOpenDeadlines(WorkingDayCalendar calendar) {
            given = calendar;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    @TestConfiguration
    static class Recomputation {

        @Bean
        ScriptedRecomputation scriptedRecomputation() {
            return new ScriptedRecomputation();
        }
    }

    @Autowired
    CalendarService calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScriptedRecomputation recomputation;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void scriptNothing() {
        recomputation.given = null;
        recomputation.answer = List.of();
        recomputation.failure = null;
    }

    @Test
    void theSeededDaysAreExactlyTheOfficialCalendar() {
        Map<Integer, Map<LocalDate, String>> holidays = new HashMap<>();
        Map<Integer, Map<LocalDate, String>> adjusted = new HashMap<>();
        jdbc.sql("select day, kind, name from calendar_day where day < date '2027-01-01'")
                .query((rs, row) -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    var target = "HOLIDAY".equals(rs.getString(2)) ? holidays : adjusted;
                    target.computeIfAbsent(day.getYear(), year -> new HashMap<>()).put(day, rs.getString(3));
                    return day;
                })
                .list();
        List<Map<String, Object>> years = jdbc.sql("select year, source, loaded_by from calendar_year where year < 2027 order by year")
                .query().listOfRows();

        OfficialCalendar.reference().years().forEach((year, days) -> {
            assertThat(holidays.get(year)).as("holidays of %d", year).isEqualTo(days.holidays());
            assertThat(adjusted.getOrDefault(year, Map.of())).as("adjusted workdays of %d", year)
                    .isEqualTo(days.adjustedWorkdays());
        });
        assertThat(holidays.keySet()).isEqualTo(OfficialCalendar.reference().years().keySet());
        assertThat(years).extracting(row -> row.get("year")).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(years).allSatisfy(row -> {
            assertThat(row.get("source")).isEqualTo("国务院办公厅节假日安排通知");
            assertThat(row.get("loaded_by")).isEqualTo("system");
        });
        assertThat(calendar.current().year(2026)).contains(OfficialCalendar.calendar().year(2026).orElseThrow());
    }

    @Test
    void loading2027MakesADeadlineIn2027FinalAndLogsTheChange() {
        LocalDate received = LocalDate.of(2026, 12, 10);
        Deadline before = calendar.addWorkingDays(received, 20);
        assertThat(before.provisional()).isTrue();
        assertThat(before.dueOn()).isEqualTo(LocalDate.of(2027, 1, 7));
        MovedDeadline moved = new MovedDeadline(UUID.randomUUID(), "2026-0042", before.dueOn(), LocalDate.of(2027, 1, 8));
        recomputation.answer = List.of(moved);

        CalendarChange change = calendar.replaceYear(2027, Map.of(LocalDate.of(2027, 1, 1), "元旦"), Map.of(), "admin-test");

        Deadline after = calendar.addWorkingDays(received, 20);
        assertThat(after.provisional()).isFalse();
        assertThat(after.dueOn()).as("元旦 is now off").isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(recomputation.given.hasCalendarFor(2027)).as("recomputed on the new calendar").isTrue();
        assertThat(change.added()).containsExactly(new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"));
        assertThat(change.removed()).isEmpty();
        assertThat(change.movedDeadlines()).containsExactly(moved);
        assertThat(change.changedBy()).isEqualTo("admin-test");
        assertThat(calendar.changes(OptionalInt.of(2027))).containsExactly(change);
        assertThat(jdbc.sql("select source, loaded_by from calendar_year where year = 2027").query().singleRow())
                .containsEntry("source", CalendarService.ENTERED_BY_ADMINISTRATOR)
                .containsEntry("loaded_by", "admin-test");
    }

    @Test
    void replacingAYearLogsTheDaysAddedAndRemoved() {
        calendar.replaceYear(2029, Map.of(LocalDate.of(2029, 1, 1), "元旦"), Map.of(), "admin-test");

        CalendarChange change = calendar.replaceYear(2029, Map.of(LocalDate.of(2029, 1, 1), "元旦节"),
                Map.of(LocalDate.of(2029, 2, 10), "春节调休上班"), "admin-test");

        assertThat(change.removed()).containsExactly(new CalendarDay(LocalDate.of(2029, 1, 1), DayKind.HOLIDAY, "元旦"));
        assertThat(change.added()).containsExactly(
                new CalendarDay(LocalDate.of(2029, 1, 1), DayKind.HOLIDAY, "元旦节"),
                new CalendarDay(LocalDate.of(2029, 2, 10), DayKind.ADJUSTED_WORKDAY, "春节调休上班"));
        assertThat(calendar.current().isWorkingDay(LocalDate.of(2029, 2, 10))).as("a Saturday, now worked").isTrue();
        assertThat(calendar.changes(OptionalInt.of(2029))).extracting(CalendarChange::id)
                .containsExactly(change.id(), change.id() - 1);
    }

    @Test
    void invalidInputIsRejectedAndNothingIsStored() {
        CalendarInputRejected rejected = catchThrowableOfType(CalendarInputRejected.class, () ->
                calendar.replaceYear(2028, Map.of(LocalDate.of(2027, 12, 31), "元旦"),
                        Map.of(LocalDate.of(2028, 1, 5), "调休"), "admin-test"));

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("holidays.2027-12-31", "adjustedWorkdays.2028-01-05");
        assertNothingStoredFor(2028);
        assertThat(recomputation.given).as("no recomputation").isNull();
    }

    @Test
    void aFailingRecomputationUndoesTheWholeChange() {
        recomputation.failure = new IllegalStateException("projection unavailable");

        assertThatThrownBy(() -> calendar.replaceYear(2032, Map.of(LocalDate.of(2032, 1, 1), "元旦"), Map.of(), "admin-test"))
                .hasMessage("projection unavailable");

        assertNothingStoredFor(2032);
        assertThat(calendar.current().hasCalendarFor(2032)).isFalse();
    }

    @Test
    void anotherInstanceSeesTheChangeAtItsNextCheck() {
        CalendarService otherInstance = new CalendarService(context.getBean(CalendarStore.class),
                context.getBeanProvider(DeadlineRecomputation.class), context.getBean(Clock.class), Duration.ZERO);
        assertThat(otherInstance.current().hasCalendarFor(2031)).isFalse();

        calendar.replaceYear(2031, Map.of(LocalDate.of(2031, 1, 1), "元旦"), Map.of(), "admin-test");

        assertThat(otherInstance.current().isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    }

    private void assertNothingStoredFor(int year) {
        assertThat(jdbc.sql("select count(*) from calendar_year where year = :year").param("year", year)
                .query(Long.class).single()).as("calendar_year %d", year).isZero();
        assertThat(jdbc.sql("select count(*) from calendar_change where year = :year").param("year", year)
                .query(Long.class).single()).as("calendar_change %d", year).isZero();
    }
}
