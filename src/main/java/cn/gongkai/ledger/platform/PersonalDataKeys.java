package cn.gongkai.ledger.platform;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One encryption key per {@link DataSubject}, kept apart from the events it protects, so that
 * erasing the key erases the subject's personal data from every stored event without rewriting
 * any of them (crypto-shredding, ADR 0009).
 *
 * <p>Keys are never cached beyond one unit of work (one command, or one batch of a processor):
 * another instance of the service may erase a key at any moment, and after its transaction commits
 * no later unit of work may decrypt with it again.
 */
public interface PersonalDataKeys {

    /**
     * The subject's key, created if the subject has none yet. Called while an event is being
     * stored, so it joins that transaction: a rolled-back append leaves no key behind.
     *
     * @throws IllegalStateException if the subject's key was erased: its personal data may not be stored again
     */
    byte[] keyForWriting(String subject);

    /** The subject's key; empty once it was erased (or if it never existed). */
    Optional<byte[]> keyForReading(String subject);

    /**
     * The keys of several subjects at once, one entry per subject asked for (empty: erased or
     * never existed): a batch of events read by a processor costs one lookup, not one per
     * application.
     */
    default Map<String, Optional<byte[]>> keysForReading(Collection<String> subjects) {
        Map<String, Optional<byte[]>> keys = new HashMap<>();
        subjects.forEach(subject -> keys.put(subject, keyForReading(subject)));
        return keys;
    }

    /**
     * Erases the subject's key for good, in the caller's transaction: the row stays with when, by
     * whom and why; the key bytes are gone.
     *
     * @return false if the key had been erased already
     */
    boolean erase(String subject, String erasedBy, String reason);
}
