package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day listed in a year's calendar.
 *
 * @param day  the date
 * @param kind holiday or adjusted workday
 * @param name the name in the holiday notice, e.g. 春节 or 春节调休上班
 */
public record CalendarDay(LocalDate day, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
