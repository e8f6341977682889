package cn.gongkai.ledger.platform;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The keys in table {@code personal_data_key} (Flyway {@code V12}, {@code V15}), on the event store's
 * own {@link DataSource}: through {@link JdbcTemplate} every statement joins the Spring-managed
 * transaction in which Axon appends the events, so a key and the first event it protects commit
 * or roll back together.
 *
 * <p>Each key is stored wrapped by the current version of the {@link KeyEncryptionKeys}
 * ({@code wrapped_key}, {@code kek_version}); the version to wrap with is read from
 * {@code personal_data_kek.current_version} in the same transaction, under a shared advisory lock
 * that {@link PersonalDataKeyRotation} takes exclusively while it moves every key to a new version:
 * no key is ever committed wrapped with a version that a rotation is about to destroy. A key stored
 * in plain ({@code key_bytes}, before V15) is still read until the next rotation wraps it.
 */
final class JdbcPersonalDataKeys implements PersonalDataKeys {

    /** Advisory lock: shared by every transaction that wraps a new key, exclusive while a rotation rewraps. */
    static final long WRAPPING_LOCK = 0x676f6e676b616901L;

    private static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(JdbcPersonalDataKeys.class);

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKeys keks;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonalDataKeys(DataSource dataSource, KeyEncryptionKeys keks) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.keks = keks;
    }

    @Override
    public byte[] keyForWriting(String subject) {
        Map<String, byte[]> createdHere = TransactionScoped.existing(this);
        if (createdHere != null && createdHere.containsKey(subject)) {
            return createdHere.get(subject);
        }
        Optional<Row> existing = find(subject);
        if (existing.isEmpty()) {
            jdbc.query("select pg_advisory_xact_lock_shared(?)", (rs, n) -> null, WRAPPING_LOCK);
            int version = currentVersion(jdbc);
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            // a concurrent first write of the same subject waits here for the other transaction, then reads its key
            jdbc.update("insert into personal_data_key (subject_id, wrapped_key, kek_version) values (?, ?, ?)"
                    + " on conflict (subject_id) do nothing", subject, keks.wrap(version, key, subject), version);
            existing = find(subject);
        }
        Row row = existing.orElseThrow(() -> new IllegalStateException("no personal data key for subject " + subject));
        if (row.erased()) {
            throw new IllegalStateException("the personal data of subject " + subject
                    + " was erased; new personal data of it cannot be stored");
        }
        return open(row, subject).orElseThrow(() -> new IllegalStateException("the personal data key of subject "
                + subject + " does not unwrap with version " + row.kekVersion() + " of the key file"));
    }

    @Override
    public void createForWriting(Collection<String> subjects) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("keys are created in the transaction of the events they protect");
        }
        if (subjects.isEmpty()) {
            return;
        }
        jdbc.query("select pg_advisory_xact_lock_shared(?)", (rs, n) -> null, WRAPPING_LOCK);
        int version = currentVersion(jdbc);
        List<String> ordered = List.copyOf(subjects);
        List<byte[]> plain = new ArrayList<>(ordered.size());
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (String subject : ordered) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            plain.add(key);
            rows.add(new Object[] {subject, keks.wrap(version, key, subject), version});
        }
        int[][] inserted = jdbc.batchUpdate("insert into personal_data_key (subject_id, wrapped_key, kek_version) values (?, ?, ?)"
                + " on conflict (subject_id) do nothing", rows, rows.size(), (statement, row) -> {
                    statement.setString(1, (String) row[0]);
                    statement.setBytes(2, (byte[]) row[1]);
                    statement.setInt(3, (Integer) row[2]);
                });
        Map<String, byte[]> created = createdInThisTransaction();
        for (int i = 0; i < ordered.size(); i++) {
            // a subject that had a key already (count 0) keeps it and is looked up as always
            if (inserted[0][i] == 1) {
                created.put(ordered.get(i), plain.get(i));
            }
        }
    }

    /** The keys {@link #createForWriting} made in the current transaction, forgotten when it completes. */
    private Map<String, byte[]> createdInThisTransaction() {
        return TransactionScoped.value(this, HashMap::new);
    }

    @Override
    public Optional<byte[]> keyForReading(String subject) {
        Optional<Row> row = find(subject).filter(found -> !found.erased());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> key = open(row.get(), subject);
        if (key.isEmpty()) {
            log.error("The personal data key of subject {} does not unwrap with version {} of the key file",
                    subject, row.get().kekVersion());
        }
        return key;
    }

    @Override
    public boolean erase(String subject, String erasedBy, String reason) {
        // the next rotation destroys the key-encryption key that wrapped this key (its copies in WAL and backups);
        // this row first, as the rotation locks it first too
        jdbc.update("update personal_data_kek set rotation_due = true");
        // a subject without a key (only plaintext events from before encryption) gets an erased row all the same,
        // so that no personal data of it can be stored afterwards
        return jdbc.update("""
                insert into personal_data_key (subject_id, key_bytes, erased_at, erased_by, reason)
                values (?, null, now(), ?, ?)
                on conflict (subject_id) do update
                   set key_bytes = null, wrapped_key = null, kek_version = null,
                       erased_at = now(), erased_by = excluded.erased_by, reason = excluded.reason
                 where personal_data_key.erased_at is null""", subject, erasedBy, reason) == 1;
    }

    /** The version new keys are wrapped with, as the last rotation (or the first start) recorded it. */
    static int currentVersion(JdbcTemplate jdbc) {
        Integer version = jdbc.queryForObject("select current_version from personal_data_kek", Integer.class);
        if (version == null) {
            throw new IllegalStateException("personal_data_kek has no current version: the keyring was never opened");
        }
        return version;
    }

    private Optional<byte[]> open(Row row, String subject) {
        if (row.plain() != null) {
            return Optional.of(row.plain());
        }
        return keks.unwrap(row.kekVersion(), row.wrapped(), subject);
    }

    private Optional<Row> find(String subject) {
        List<Row> rows = jdbc.query("select key_bytes, wrapped_key, kek_version from personal_data_key"
                        + " where subject_id = ?",
                (rs, n) -> new Row(rs.getBytes("key_bytes"), rs.getBytes("wrapped_key"),
                        (Integer) rs.getObject("kek_version")), subject);
        return rows.stream().findFirst();
    }

    private record Row(byte[] plain, byte[] wrapped, Integer kekVersion) {

        boolean erased() {
            return plain == null && wrapped == null;
        }
    }
}
