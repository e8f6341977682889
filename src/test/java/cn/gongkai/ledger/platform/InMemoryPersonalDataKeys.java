package cn.gongkai.ledger.platform;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keys in a map, for unit tests of serialized forms; the service keeps them in PostgreSQL
 * ({@code JdbcPersonalDataKeys}), which the integration tests use. An erased key maps to null.
 */
public final class InMemoryPersonalDataKeys implements PersonalDataKeys {

    private final Map<String, byte[]> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public synchronized byte[] keyForWriting(String subject) {
        if (keys.containsKey(subject) && keys.get(subject) == null) {
            throw new IllegalStateException("erased: " + subject);
        }
        return keys.computeIfAbsent(subject, s -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return key;
        });
    }

    @Override
    public synchronized Optional<byte[]> keyForReading(String subject) {
        return Optional.ofNullable(keys.get(subject));
    }

    @Override
    public synchronized boolean erase(String subject, String erasedBy, String reason) {
        boolean hadKey = keys.get(subject) != null;
        keys.put(subject, null);
        return hadKey;
    }
}
