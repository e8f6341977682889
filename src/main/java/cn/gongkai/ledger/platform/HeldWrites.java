package cn.gongkai.ledger.platform;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a projection writes in one transaction, held back and sent just before the transaction commits: one JDBC
 * batch per statement instead of a round trip per event. A streaming processor handles a batch of events in one
 * transaction (up to its {@code batch-size}), so a projection that catches up or is rebuilt writes a hundred rows
 * in a few round trips. The rows still commit with the processor's token, or not at all.
 *
 * <p>A projection that reads its own rows while handling an event looks in its held writes first (they are not
 * in the table yet), or flushes them before it reads.
 */
public final class HeldWrites {

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
        @SuppressWarnings("unchecked")
        B bound = (B) TransactionSynchronizationManager.getResource(key);
        if (bound != null) {
            return bound;
        }
        B made = fresh.get();
        TransactionSynchronizationManager.bindResource(key, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                made.flush();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return made;
    }

    /** The batch {@code owner} holds in the current transaction, or null if it holds none. */
    @SuppressWarnings("unchecked")
    public static <B extends Batch> B existing(Object owner) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (B) TransactionSynchronizationManager.getResource(new Key(owner)) : null;
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
