package cn.gongkai.ledger.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a projection writes in one transaction, held back and sent just before the transaction commits: one JDBC
 * batch per statement instead of a round trip per event. A streaming processor handles a batch of events in one
 * transaction (up to its {@code batch-size}), so a projection that catches up or is rebuilt writes a hundred rows
 * in a few round trips. The rows still commit with the processor's token, or not at all.
 *
 * <p>A projection that reads its own rows while handling an event looks in its held writes first (they are not
 * in the table yet), or flushes them before it reads.
 *
 * <p>A flush that fails fails the whole batch, and no handler knows which event made it fail. So the projection then
 * writes through for a while ({@link #WRITING_THROUGH}): each batch's {@code add} flushes at once
 * ({@link #writesThrough}), the processor's retry of the batch fails inside the handler of the event at fault, and
 * the dead-letter policy parks that event as it would any other (module processing, {@code ParkingPolicy}).
 */
public final class HeldWrites {

    /** How long a projection writes through after a failed flush: the processor's retries of the batch come sooner. */
    static final Duration WRITING_THROUGH = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(HeldWrites.class);
    /** The projections writing through, until when ({@link System#nanoTime()}). */
    private static final Map<Key, Long> writingThrough = new ConcurrentHashMap<>();

    /** The writes one projection holds in one transaction. */
    public interface Batch {

        /** Sends what is held, in the order it must reach the table, and forgets it. */
        void flush();
    }

    private HeldWrites() {
    }

    /**
     * The batch bound to {@code owner} in the current transaction, made by {@code fresh} on first use and flushed
     * before the transaction commits (a failure there rolls the transaction back, as a failed statement would).
     *
     * @throws IllegalStateException outside a Spring-managed transaction: held writes would never be sent
     */
    public static <B extends Batch> B of(Object owner, Supplier<B> fresh) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("writes are held until a transaction commits; " + owner.getClass().getSimpleName()
                    + " wrote outside one");
        }
        Key key = new Key(owner);
        return TransactionScoped.value(key, fresh, made -> {
            try {
                made.flush();
            } catch (RuntimeException e) {
                writingThrough.put(key, System.nanoTime() + WRITING_THROUGH.toNanos());
                log.warn("the held writes of {} failed at commit ({}); it writes each event's rows at once for the"
                        + " next {} s, so that the retry finds the event at fault", owner.getClass().getSimpleName(),
                        e.getClass().getSimpleName(), WRITING_THROUGH.toSeconds());
                throw e;
            }
        });
    }

    /**
     * Whether {@code owner} writes through now (a flush of its failed lately): its batch then flushes in each
     * {@code add}, inside the handler of the event that made the rows.
     */
    public static boolean writesThrough(Object owner) {
        Long until = writingThrough.get(new Key(owner));
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        writingThrough.remove(new Key(owner), until);
        return false;
    }

    /**
     * Sends {@code rows} of one statement: one JDBC batch, or a plain statement for one row (so that a failure reads
     * as the statement's own, not as a batch's); the update counts, in order.
     */
    public static int[] send(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource[] rows) {
        if (rows.length == 1) {
            return new int[] {jdbc.update(sql, rows[0])};
        }
        return jdbc.batchUpdate(sql, rows);
    }

    /** Apart from what {@link TransactionScoped} binds to the same owner. */
    private record Key(Object owner) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.owner == owner;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(owner);
        }
    }
}
