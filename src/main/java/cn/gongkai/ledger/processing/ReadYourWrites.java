package cn.gongkai.ledger.processing;

/**
 * The names of the read-your-writes contract (README, "Read-your-writes"; ADR 0014): every answer
 * to a command that appended events carries {@value #EVENT_POSITION}, the global index of the last
 * event it appended; a read of an endpoint marked {@link ReadsProjection} that sends it back in
 * {@value #CONSISTENT_AFTER} (or the query parameter {@value #PARAMETER}) sees that command's effect.
 */
public final class ReadYourWrites {

    /** Response header of a command's answer: the global index of the last event it appended. */
    public static final String EVENT_POSITION = "X-Event-Position";
    /** Request header of a read: answer only once the read models include this position. */
    public static final String CONSISTENT_AFTER = "X-Consistent-After";
    /** The same as {@link #CONSISTENT_AFTER}, as a query parameter (links, pages, curl). */
    public static final String PARAMETER = "consistentAfter";

    private ReadYourWrites() {
    }
}
