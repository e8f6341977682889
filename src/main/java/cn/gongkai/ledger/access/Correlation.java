package cn.gongkai.ledger.access;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of the work this thread does: one per HTTP request (set by the servlet filter
 * from a well-formed {@value #HEADER} header, or generated) and one per run of a system job
 * ({@link #runJob}). {@link ActorMetaDataInterceptor} records it on every command sent meanwhile;
 * from there Axon carries it onto the command's events and onto the commands that event handlers
 * send in reaction (see {@link AuditTrailCorrelationData} and docs/adr/0010).
 *
 * <p>It is also in the logging context under {@value ActorMetaData#CORRELATION_ID}, so that every
 * log line of a request or job can be found from an audit entry and back.
 */
public final class Correlation {

    /** The HTTP header that carries the correlation id, in the request and echoed in the response. */
    public static final String HEADER = "X-Correlation-Id";

    /**
     * What a caller may send: 1–64 letters, digits, {@code - _ . :}, starting with a letter or digit.
     * Enough for a UUID or a caller's trace id; nothing that could break a log line or a CSV cell.
     */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The correlation id of the request or job this thread works for, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Whether a caller's correlation id may be taken as it is. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    /** A fresh correlation id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Makes {@code id} this thread's correlation id until the returned scope is closed; the
     * previous one (normally none) is restored then.
     */
    public static Scope open(String id) {
        if (!isWellFormed(id)) {
            throw new IllegalArgumentException("not a well-formed correlation id");
        }
        String previous = CURRENT.get();
        set(id);
        return () -> set(previous);
    }

    /** Runs one run of a system job under a correlation id of its own. */
    public static void runJob(Runnable job) {
        try (Scope ignored = open(newId())) {
            job.run();
        }
    }

    private static void set(String id) {
        if (id == null) {
            CURRENT.remove();
            MDC.remove(ActorMetaData.CORRELATION_ID);
        } else {
            CURRENT.set(id);
            MDC.put(ActorMetaData.CORRELATION_ID, id);
        }
    }

    /** The time a correlation id is in force; closing it restores the previous one. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
