package cn.gongkai.ledger.calendar;

import java.time.Instant;
import java.util.List;

/**
 * One administrator change of a year's calendar, as logged in {@code calendar_change}.
 * A day whose name or kind changed appears once in {@code removed} (as it was) and once in
 * {@code added} (as it is).
 *
 * @param id             the log entry's number
 * @param year           the year replaced
 * @param changedAt      when
 * @param changedBy      the administrator's user name
 * @param added          days listed now that were not listed before, by date
 * @param removed        days listed before that are not listed now, by date
 * @param movedDeadlines the open applications whose due date moved
 */
public record CalendarChange(long id, int year, Instant changedAt, String changedBy, List<CalendarDay> added,
                             List<CalendarDay> removed, List<MovedDeadline> movedDeadlines) {

    public CalendarChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        movedDeadlines = List.copyOf(movedDeadlines);
    }
}
