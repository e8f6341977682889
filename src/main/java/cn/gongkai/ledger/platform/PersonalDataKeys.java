package cn.gongkai.ledger.platform;

import java.util.Collection;
import java.util.Optional;

/**
 * One encryption key per {@link DataSubject}, kept apart from the events it protects, so that
 * erasing the key erases the subject's personal data from every stored event without rewriting
 * any of them (crypto-shredding, ADR 0009).
 *
 * <p>Keys are never cached beyond one call: another instance of the service may erase a key at any
 * moment, and after its transaction commits no instance may decrypt with it again. Event processors
 * do not ask at all: none of them uses personal data ({@link WithholdPersonalData}).
 */
public interface PersonalDataKeys {

    /**
     * The subject's key, created if the subject has none yet. Called while an event is being
     * stored, so it joins that transaction: a rolled-back append leaves no key behind.
     *
     * @throws IllegalStateException if the subject's key was erased: its personal data may not be stored again
     */
    byte[] keyForWriting(String subject);

    /**
     * Creates, in one batch in the caller's transaction, the keys of subjects that have none yet (a bulk
     * write such as a register import); the later {@link #keyForWriting} of those subjects in the same
     * transaction takes them without another query. Subjects that already have a key are left to
     * {@link #keyForWriting} as always.
     *
     * @throws IllegalStateException outside a transaction: the keys must commit or roll back with their events
     */
    default void createForWriting(Collection<String> subjects) {
    }

    /** The subject's key; empty once it was erased (or if it never existed). */
    Optional<byte[]> keyForReading(String subject);

    /**
     * Erases the subject's key for good, in the caller's transaction: the row stays with when, by
     * whom and why; the key bytes are gone.
     *
     * @return false if the key had been erased already
     */
    boolean erase(String subject, String erasedBy, String reason);
}
