package cn.gongkai.ledger.calendar;

import java.util.List;

/**
 * Implemented by a module that keeps due dates counted on the calendar, so that they follow an
 * administrator's change of the calendar.
 *
 * <p>Contract: {@link CalendarService#replaceYear} calls every bean implementing this interface,
 * inside the change's transaction and after the new days are written. The implementation
 * recomputes its open deadlines on the calendar it is given (not on
 * {@link CalendarService#current()}, which still holds the committed calendar), stores them in the
 * same transaction, and returns those whose date moved. If it throws, the whole change is rolled
 * back.
 */
public interface DeadlineRecomputation {

    /** Recomputes open deadlines on {@code calendar} and returns the ones whose due date moved. */
    List<MovedDeadline> recomputeOpenDeadlines(WorkingDayCalendar calendar);
}
