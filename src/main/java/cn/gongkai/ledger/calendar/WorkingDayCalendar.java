package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of the official working-day calendar, on which statutory periods are
 * counted.
 *
 * <p>Which days are working days: in a year that has a calendar, an adjusted workday (调休上班) is
 * one, a holiday is not, a Saturday or Sunday is not, and every other day is. In a year without a
 * calendar only Saturdays and Sundays are off, and every deadline whose counting went through such
 * a year says so ({@link Deadline#yearsWithoutCalendar()}). Which days count toward a period is
 * {@link StatutoryPeriod#clockRunsOn(LocalDate)}.
 */
public final class WorkingDayCalendar {

    private final SortedMap<Integer, CalendarYear> years;

    private WorkingDayCalendar(SortedMap<Integer, CalendarYear> years) {
        this.years = Collections.unmodifiableSortedMap(years);
    }

    /**
     * A calendar made of the given years.
     *
     * @throws IllegalArgumentException if a year is given twice
     */
    public static WorkingDayCalendar of(Collection<CalendarYear> years) {
        SortedMap<Integer, CalendarYear> byYear = new TreeMap<>();
        for (CalendarYear year : years) {
            if (byYear.putIfAbsent(year.year(), year) != null) {
                throw new IllegalArgumentException("year " + year.year() + " given twice");
            }
        }
        return new WorkingDayCalendar(byYear);
    }

    /** A calendar without any official year: only weekends are off, and every deadline is provisional. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(new TreeMap<>());
    }

    /** Whether {@code year}'s official calendar is loaded. */
    public boolean hasCalendarFor(int year) {
        return years.containsKey(year);
    }

    /** The years that have a calendar, in order. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The official calendar of {@code year}, if loaded. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** Whether {@code day} is a working day (see the class comment for years without a calendar). */
    public boolean isWorkingDay(LocalDate day) {
        CalendarYear year = years.get(day.getYear());
        return year == null ? !CalendarYear.isWeekend(day) : year.isWorkingDay(day);
    }

    /**
     * The {@code workingDays}-th working day after {@code start}, counted as any statutory period
     * without pauses: {@code addWorkingDays(monday, 1)} is Tuesday if that is a working day.
     * Zero gives {@code start} itself.
     *
     * @throws IllegalArgumentException if {@code workingDays} is negative
     */
    public Deadline addWorkingDays(LocalDate start, int workingDays) {
        return due(new StatutoryPeriod(start, workingDays));
    }

    /**
     * The last day of {@code period}: the day on which its clock, running only on working days,
     * reaches {@code workingDays}. Paused with no date while an open pause began before that day;
     * an open pause that begins later does not hold the period up. Provisional when a day on which
     * its clock ran lies in a year without a calendar.
     */
    public Deadline due(StatutoryPeriod period) {
        return count(period).deadline();
    }

    /**
     * {@code period} counted day by day, for explaining its end to a case handler: the same walk
     * that {@link #due} takes, so the explanation cannot disagree with the date.
     */
    public CountedPeriod count(StatutoryPeriod period) {
        Set<Integer> yearsWithoutCalendar = new TreeSet<>();
        List<CountedDay> days = new ArrayList<>();
        if (period.workingDays() == 0) {
            days.add(day(period.startsAfter(), false, null, 0));
            return new CountedPeriod(period, days, Deadline.on(period.startsAfter(), yearsWithoutCalendar));
        }
        Optional<Pause> openPause = period.openPause();
        int counted = 0;
        // starts on the start day itself so that clockRunsOn alone decides whether it counts
        for (LocalDate day = period.startsAfter(); ; day = day.plusDays(1)) {
            if (!period.clockRunsOn(day)) {
                days.add(day(day, false, period.pauseOn(day).orElse(null), 0));
                if (openPause.isPresent() && day.isAfter(openPause.get().from())) {
                    return new CountedPeriod(period, days, Deadline.pausedWithout(yearsWithoutCalendar));
                }
                continue;
            }
            if (!hasCalendarFor(day.getYear())) {
                yearsWithoutCalendar.add(day.getYear());
            }
            boolean working = isWorkingDay(day);
            if (working) {
                counted++;
            }
            days.add(day(day, true, null, working ? counted : 0));
            if (working && counted == period.workingDays()) {
                return new CountedPeriod(period, days, Deadline.on(day, yearsWithoutCalendar));
            }
        }
    }

    /**
     * How many working days lie after {@code after} up to and including {@code upTo}, counted as a
     * period is ({@code after} itself not counted); zero when {@code upTo} is not after {@code after}.
     */
    public int workingDaysBetween(LocalDate after, LocalDate upTo) {
        int count = 0;
        for (LocalDate day = after.plusDays(1); !day.isAfter(upTo); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private CountedDay day(LocalDate date, boolean clockRuns, Pause pausedBy, int countedAs) {
        CalendarDay listed = years.containsKey(date.getYear()) ? years.get(date.getYear()).listed(date) : null;
        return new CountedDay(date, isWorkingDay(date), listed, clockRuns, pausedBy, countedAs,
                clockRuns && !hasCalendarFor(date.getYear()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingDayCalendar calendar && calendar.years.equals(years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }
}
