package cn.gongkai.ledger.calendar;

import java.util.List;

/**
 * A statutory period counted day by day: the days from the one that starts the clock up to its
 * end (or up to the first day an open pause holds it), and the deadline they lead to. The
 * deadline is the one {@link WorkingDayCalendar#due} gives, since that is computed from this walk.
 *
 * @param period   the period counted
 * @param days     every day walked, in order, starting with {@link StatutoryPeriod#startsAfter()}
 * @param deadline the end of the period
 */
public record CountedPeriod(StatutoryPeriod period, List<CountedDay> days, Deadline deadline) {

    public CountedPeriod {
        days = List.copyOf(days);
    }
}
