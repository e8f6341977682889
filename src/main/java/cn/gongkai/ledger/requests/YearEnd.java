package cn.gongkai.ledger.requests;

import java.time.LocalDate;

/**
 * The one rule of what is open at the end of a year (结转下年度): an application received on or
 * before 31 December of year Y and not concluded by then. The aggregate decides a carry-forward by
 * it, the annual tables count {@code CARRIED_FORWARD} by it and the year-end sweep selects by it:
 * in Java with {@link #openAtEndOf}, in SQL with {@link #sql}, both the same rule.
 */
public final class YearEnd {

    private YearEnd() {
    }

    /** 31 December of {@code year}. */
    public static LocalDate of(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /** Whether an application received on {@code receivedOn} and concluded on {@code concludedOn} (null: not yet) is open at the end of {@code year}. */
    public static boolean openAtEndOf(int year, LocalDate receivedOn, LocalDate concludedOn) {
        LocalDate end = of(year);
        return !receivedOn.isAfter(end) && (concludedOn == null || concludedOn.isAfter(end));
    }

    /**
     * The same rule as an SQL condition on the columns {@code receivedOn} and {@code concludedOn}, with
     * the named parameter {@code :endParameter} bound to {@link #of(int)}.
     */
    public static String sql(String receivedOn, String concludedOn, String endParameter) {
        return receivedOn + " <= :" + endParameter + " and (" + concludedOn + " is null or " + concludedOn + " > :"
                + endParameter + ")";
    }
}
