package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The end of a statutory period, as counted on one calendar snapshot.
 *
 * @param dueOn                the last working day of the period, or null while an open pause
 *                             stops the clock
 * @param paused               whether an open pause stops the clock (then {@code dueOn} is null)
 * @param yearsWithoutCalendar the years whose days were counted without an official calendar, on
 *                             weekends alone; non-empty means the date may still move when the
 *                             year's calendar is loaded
 */
public record Deadline(LocalDate dueOn, boolean paused, Set<Integer> yearsWithoutCalendar) {

    public Deadline {
        if (paused != (dueOn == null)) {
            throw new IllegalArgumentException("a deadline has a date exactly when it is not paused");
        }
        yearsWithoutCalendar = Collections.unmodifiableSortedSet(new TreeSet<>(yearsWithoutCalendar));
    }

    static Deadline on(LocalDate dueOn, Set<Integer> yearsWithoutCalendar) {
        return new Deadline(dueOn, false, yearsWithoutCalendar);
    }

    static Deadline pausedWithout(Set<Integer> yearsWithoutCalendar) {
        return new Deadline(null, true, yearsWithoutCalendar);
    }

    /** Whether the date rests on weekends alone for some year, and may move when its calendar arrives. */
    public boolean provisional() {
        return !yearsWithoutCalendar.isEmpty();
    }

    /**
     * For a provisional deadline, a sentence in Chinese and English that a case handler can show,
     * naming the years without a calendar; null otherwise.
     */
    public String message() {
        if (!provisional()) {
            return null;
        }
        String zh = yearsWithoutCalendar.stream().sorted().map(String::valueOf).collect(Collectors.joining("、"));
        String en = yearsWithoutCalendar.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return zh + "年尚无官方节假日安排，期限仅按周末计算 / no official calendar for " + en
                + ": deadline counted on weekends alone";
    }
}
