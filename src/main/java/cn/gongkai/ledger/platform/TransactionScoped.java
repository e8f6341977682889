package cn.gongkai.ledger.platform;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current Spring-managed transaction: made on first use, the same
 * object for the rest of the transaction, forgotten when it commits or rolls back. For what a batch of
 * work remembers between statements of one transaction (keys it created, outbox rows it wrote).
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /**
     * The value bound to {@code owner} in the current transaction, made by {@code fresh} on first use.
     * Outside transaction synchronization: a fresh value each call, remembered by nobody.
     */
    public static <T> T value(Object owner, Supplier<T> fresh) {
        return value(owner, fresh, null);
    }

    /**
     * As {@link #value(Object, Supplier)}, and {@code beforeCommit} is given the value just before the transaction
     * commits, still inside it (a failure there rolls it back). Null: nothing before the commit.
     */
    public static <T> T value(Object owner, Supplier<T> fresh, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return fresh.get();
        }
        @SuppressWarnings("unchecked")
        T bound = (T) TransactionSynchronizationManager.getResource(owner);
        if (bound != null) {
            return bound;
        }
        T made = fresh.get();
        TransactionSynchronizationManager.bindResource(owner, made);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (beforeCommit != null) {
                    beforeCommit.accept(made);
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            }
        });
        return made;
    }

    /** The value bound to {@code owner} in the current transaction, or null if none was made. */
    @SuppressWarnings("unchecked")
    public static <T> T existing(Object owner) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(owner) : null;
    }
}
