package cn.gongkai.ledger.platform;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The keys in table {@code personal_data_key} (Flyway {@code V12}), on the event store's own
 * {@link DataSource}: through {@link JdbcTemplate} every statement joins the Spring-managed
 * transaction in which Axon appends the events, so a key and the first event it protects commit
 * or roll back together.
 */
final class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonalDataKeys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public byte[] keyForWriting(String subject) {
        Optional<Row> existing = find(subject);
        if (existing.isEmpty()) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            // a concurrent first write of the same subject waits here for the other transaction, then reads its key
            jdbc.update("insert into personal_data_key (subject_id, key_bytes) values (?, ?)"
                    + " on conflict (subject_id) do nothing", subject, key);
            existing = find(subject);
        }
        Row row = existing.orElseThrow(() -> new IllegalStateException("no personal data key for subject " + subject));
        if (row.key() == null) {
            throw new IllegalStateException("the personal data of subject " + subject
                    + " was erased; new personal data of it cannot be stored");
        }
        return row.key();
    }

    @Override
    public Optional<byte[]> keyForReading(String subject) {
        return find(subject).map(Row::key);
    }

    @Override
    public boolean erase(String subject, String erasedBy, String reason) {
        // a subject without a key (only plaintext events from before encryption) gets an erased row all the same,
        // so that no personal data of it can be stored afterwards
        return jdbc.update("""
                insert into personal_data_key (subject_id, key_bytes, erased_at, erased_by, reason)
                values (?, null, now(), ?, ?)
                on conflict (subject_id) do update
                   set key_bytes = null, erased_at = now(), erased_by = excluded.erased_by, reason = excluded.reason
                 where personal_data_key.erased_at is null""", subject, erasedBy, reason) == 1;
    }

    private Optional<Row> find(String subject) {
        List<Row> rows = jdbc.query("select key_bytes from personal_data_key where subject_id = ?",
                (rs, n) -> new Row(rs.getBytes("key_bytes")), subject);
        return rows.stream().findFirst();
    }

    private record Row(byte[] key) {
    }
}
