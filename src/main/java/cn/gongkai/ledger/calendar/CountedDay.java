package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a statutory period as {@link WorkingDayCalendar#count} walked it: what the calendar
 * says of the day, whether the period's clock ran on it, and the number it was counted as.
 *
 * @param date            the day
 * @param workingDay      whether it is a working day on the calendar
 * @param listed          the holiday or adjusted workday (调休上班) the year's calendar lists for the
 *                        day, with its name; null for an ordinary weekday or weekend day
 * @param clockRuns       whether the period's clock ran on the day ({@link StatutoryPeriod#clockRunsOn})
 * @param pausedBy        the pause that stopped the clock on the day; null if none did
 * @param countedAs       the day's number in the period (1 for the first working day counted), or 0
 *                        when it was not counted
 * @param withoutCalendar whether the clock ran on it in a year without an official calendar (the day
 *                        was then judged on weekends alone)
 */
public record CountedDay(LocalDate date, boolean workingDay, CalendarDay listed, boolean clockRuns, Pause pausedBy,
                         int countedAs, boolean withoutCalendar) {

    public CountedDay {
        Objects.requireNonNull(date, "date");
    }

    /** Whether the day counted toward the period. */
    public boolean counted() {
        return countedAs > 0;
    }
}
