package cn.gongkai.ledger.calendar;

import cn.gongkai.ledger.platform.FieldProblem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official calendar of one year: its public holidays and its adjusted workdays (调休上班),
 * each with its name in the State Council's notice. Every other weekday is a working day and every
 * other Saturday and Sunday is not.
 *
 * <p>A {@code CalendarYear} always obeys the rules below, which are all checked when it is made,
 * so that one answer names every problem: yearInRange, bothListsGiven, datesWithinYear,
 * namesGiven, holidaysAndWorkdaysDisjoint, adjustedWorkdayOnWeekend.
 *
 * @param year             the year
 * @param holidays         the non-working holidays, date to name (e.g. 春节)
 * @param adjustedWorkdays the weekend days worked, date to name (e.g. 春节调休上班)
 * @throws CalendarInputRejected naming every field that breaks a rule
 */
public record CalendarYear(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkdays) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_NAME_LENGTH = 50;

    private static final String HOLIDAYS = "holidays";
    private static final String ADJUSTED_WORKDAYS = "adjustedWorkdays";

    public CalendarYear {
        List<FieldProblem> problems = new ArrayList<>();
        yearInRange(year, problems);
        if (bothListsGiven(holidays, adjustedWorkdays, problems)) {
            holidays = Collections.unmodifiableSortedMap(new TreeMap<>(holidays));
            adjustedWorkdays = Collections.unmodifiableSortedMap(new TreeMap<>(adjustedWorkdays));
            datesWithinYear(year, holidays, adjustedWorkdays, problems);
            namesGiven(holidays, adjustedWorkdays, problems);
            holidaysAndWorkdaysDisjoint(holidays, adjustedWorkdays, problems);
            adjustedWorkdayOnWeekend(adjustedWorkdays, problems);
        }
        if (!problems.isEmpty()) {
            throw new CalendarInputRejected(problems);
        }
    }

    /**
     * The year made of the given days.
     *
     * @throws CalendarInputRejected as the canonical constructor
     */
    public static CalendarYear of(int year, Collection<CalendarDay> days) {
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> adjustedWorkdays = new HashMap<>();
        for (CalendarDay day : days) {
            (day.kind() == DayKind.HOLIDAY ? holidays : adjustedWorkdays).put(day.day(), day.name());
        }
        return new CalendarYear(year, holidays, adjustedWorkdays);
    }

    /** The listed days of both kinds, by date. */
    public List<CalendarDay> days() {
        List<CalendarDay> days = new ArrayList<>();
        holidays.forEach((day, name) -> days.add(new CalendarDay(day, DayKind.HOLIDAY, name)));
        adjustedWorkdays.forEach((day, name) -> days.add(new CalendarDay(day, DayKind.ADJUSTED_WORKDAY, name)));
        days.sort(Comparator.comparing(CalendarDay::day));
        return List.copyOf(days);
    }

    /** The holiday or adjusted workday listed for {@code day}, with its name; null if the day is not listed. */
    CalendarDay listed(LocalDate day) {
        if (holidays.containsKey(day)) {
            return new CalendarDay(day, DayKind.HOLIDAY, holidays.get(day));
        }
        if (adjustedWorkdays.containsKey(day)) {
            return new CalendarDay(day, DayKind.ADJUSTED_WORKDAY, adjustedWorkdays.get(day));
        }
        return null;
    }

    /** Whether {@code day}, a day of this year, is a working day on this calendar. */
    boolean isWorkingDay(LocalDate day) {
        if (adjustedWorkdays.containsKey(day)) {
            return true;
        }
        return !holidays.containsKey(day) && !isWeekend(day);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Guards against typing errors such as 20277 (the law in force dates from 2019). */
    private static void yearInRange(int year, List<FieldProblem> problems) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(new FieldProblem("year", "年度",
                    "年度须在" + FIRST_YEAR + "至" + LAST_YEAR + "之间",
                    "the year must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
    }

    /**
     * Both lists are required, though either may be empty: the year is replaced as a whole, and a
     * list left out by mistake would silently delete that year's days.
     */
    private static boolean bothListsGiven(Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkdays,
                                          List<FieldProblem> problems) {
        if (holidays == null) {
            problems.add(new FieldProblem(HOLIDAYS, DayKind.HOLIDAY.label(),
                    "必填（可为空对象 {}）", "required (may be an empty object {})"));
        }
        if (adjustedWorkdays == null) {
            problems.add(new FieldProblem(ADJUSTED_WORKDAYS, DayKind.ADJUSTED_WORKDAY.label(),
                    "必填（可为空对象 {}）", "required (may be an empty object {})"));
        }
        return holidays != null && adjustedWorkdays != null;
    }

    /** A day listed for a year lies in that year: the calendar is looked up by the day's year. */
    private static void datesWithinYear(int year, Map<LocalDate, String> holidays,
                                        Map<LocalDate, String> adjustedWorkdays, List<FieldProblem> problems) {
        forEachDay(holidays, adjustedWorkdays, (field, kind, day, name) -> {
            if (day.getYear() != year) {
                problems.add(problem(field, kind, day, "日期不在" + year + "年内", "the date is not in " + year));
            }
        });
    }

    /** Every day carries the name the notice gives it, so that case handlers can tell why it is off. */
    private static void namesGiven(Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkdays,
                                   List<FieldProblem> problems) {
        forEachDay(holidays, adjustedWorkdays, (field, kind, day, name) -> {
            if (name == null || name.isBlank()) {
                problems.add(problem(field, kind, day, "须填写名称（如 春节）", "a name is required (e.g. 春节)"));
            } else if (name.length() > MAX_NAME_LENGTH) {
                problems.add(problem(field, kind, day, "名称不能超过" + MAX_NAME_LENGTH + "个字",
                        "the name must not exceed " + MAX_NAME_LENGTH + " characters"));
            }
        });
    }

    /** A day is either off or worked, never both. */
    private static void holidaysAndWorkdaysDisjoint(Map<LocalDate, String> holidays,
                                                    Map<LocalDate, String> adjustedWorkdays,
                                                    List<FieldProblem> problems) {
        adjustedWorkdays.keySet().stream().filter(holidays::containsKey).forEach(day ->
                problems.add(problem(ADJUSTED_WORKDAYS, DayKind.ADJUSTED_WORKDAY, day,
                        "同一天不能既是节假日又是调休上班日", "a day cannot be both a holiday and an adjusted workday")));
    }

    /** Only a Saturday or Sunday can be turned into a working day: weekdays already are. */
    private static void adjustedWorkdayOnWeekend(Map<LocalDate, String> adjustedWorkdays, List<FieldProblem> problems) {
        adjustedWorkdays.keySet().stream().filter(day -> !isWeekend(day)).forEach(day ->
                problems.add(problem(ADJUSTED_WORKDAYS, DayKind.ADJUSTED_WORKDAY, day,
                        "调休上班日须为星期六或星期日", "an adjusted workday must be a Saturday or Sunday")));
    }

    private interface DayCheck {
        void check(String field, DayKind kind, LocalDate day, String name);
    }

    private static void forEachDay(Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkdays,
                                   DayCheck check) {
        holidays.forEach((day, name) -> check.check(HOLIDAYS, DayKind.HOLIDAY, day, name));
        adjustedWorkdays.forEach((day, name) -> check.check(ADJUSTED_WORKDAYS, DayKind.ADJUSTED_WORKDAY, day, name));
    }

    /** Names the field as the JSON body does ({@code holidays.2027-01-01}) and as a case handler would. */
    private static FieldProblem problem(String field, DayKind kind, LocalDate day, String messageZh, String messageEn) {
        return new FieldProblem(field + "." + day, kind.label() + "（" + day + "）", messageZh, messageEn);
    }
}
