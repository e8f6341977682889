package cn.gongkai.ledger.calendar;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An open application whose due date changed because the calendar changed.
 *
 * @param requestId          the application
 * @param registrationNumber its registration number, as case handlers know it
 * @param previousDueOn      the due date before the change (null if it was paused)
 * @param newDueOn           the due date after the change (null if it is paused)
 */
public record MovedDeadline(UUID requestId, String registrationNumber, LocalDate previousDueOn, LocalDate newDueOn) {
}
