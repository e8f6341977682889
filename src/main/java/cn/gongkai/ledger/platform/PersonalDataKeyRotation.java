package cn.gongkai.ledger.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes an erasure hold on disk: replaces the key-encryption key, rewraps every remaining personal
 * data key with the new one, then destroys the old one, so that the erased key's copies in WAL, dead
 * row versions and backups (all wrapped with the old version) can no longer be unwrapped
 * (ADR 0012).
 *
 * <p>Order, so that a crash at any point leaves every remaining key readable:
 * <ol>
 *   <li>a new version is added to the key file, durably; the old ones stay;</li>
 *   <li>one transaction makes it the current version and rewraps every key that is not erased;
 *       it holds {@link JdbcPersonalDataKeys#WRAPPING_LOCK} exclusively, so it waits for every
 *       transaction that wrapped a new key with the old version and keeps new ones out until it
 *       committed;</li>
 *   <li>only then, once no key refers to them any more, the old versions are destroyed in the file.</li>
 * </ol>
 * A crash between the steps leaves extra versions in the file, and the next rotation finishes the
 * work. Rotations of several instances on one database take turns ({@link #ROTATION_LOCK}).
 *
 * <p>{@link #rotateIfDue} runs every {@code gongkai.personal-data.rotation-interval} (default one
 * hour) and rotates when a key was erased since the last rotation, or when a rotation was left
 * unfinished or keys are still in plain: an erased key's copies stay readable for at most that
 * interval plus the rotation's own time. An administrator may rotate at once
 * ({@code POST /api/admin/personal-data-keys/rotation}).
 */
public final class PersonalDataKeyRotation {

    /** Advisory lock held for a whole rotation, and while the keyring is opened at start. */
    static final long ROTATION_LOCK = 0x676f6e676b616902L;

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyRotation.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final KeyEncryptionKeys keks;

    PersonalDataKeyRotation(DataSource dataSource, PlatformTransactionManager transactions, KeyEncryptionKeys keks) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keks = keks;
    }

    /** What one rotation did. */
    public record Rotation(int kekVersion, int rewrapped, SortedSet<Integer> destroyedVersions) {
    }

    /** Where the keyring stands: the current version, the versions in the key file, whether a rotation is due. */
    public record Status(int kekVersion, SortedSet<Integer> versionsInKeyFile, boolean rotationDue,
                         OffsetDateTime rotatedAt, long keys, long plainKeys) {
    }

    /**
     * Binds the key file to this database on first start (its keyring id and version 1), refuses a key
     * file of another database or one that lacks a version a key is wrapped with, and wraps the keys
     * stored in plain before V15. Called once at start, before any key is used.
     *
     * @param keyFile the key file, created on the first start of this database (never for a database that has a
     *                key wrapped already, nor where a file of another database is); null for another store
     */
    void open(KeyFile keyFile) {
        transaction.executeWithoutResult(status -> {
            lock(ROTATION_LOCK);
            Map<String, Object> state = jdbc.queryForMap("select keyring_id, current_version from personal_data_kek");
            String boundKeyring = (String) state.get("keyring_id");
            Integer current = (Integer) state.get("current_version");
            SortedSet<Integer> referenced = new TreeSet<>(jdbc.queryForList(
                    "select distinct kek_version from personal_data_key where kek_version is not null", Integer.class));
            if (keyFile != null) {
                if (boundKeyring == null) {
                    if (keyFile.exists()) {
                        throw new IllegalStateException(("个人信息密钥文件 %s 已存在，但不属于本数据库。The personal data key"
                                + " file %s exists, but this database has no keyring yet: it belongs to another"
                                + " database (a key file serves one database only; rotating it here would destroy"
                                + " keys the other one needs). Point gongkai.personal-data.key-file"
                                + " (GONGKAI_PERSONAL_DATA_KEY_FILE) at a path of its own.")
                                .formatted(keyFile.path(), keyFile.path()));
                    }
                    // committed before the file exists: a crash in between leaves a keyring the next start creates
                    String created = UUID.randomUUID().toString();
                    separateTransaction.executeWithoutResult(inner -> jdbc.update(
                            "update personal_data_kek set keyring_id = ? where keyring_id is null", created));
                    boundKeyring = created;
                }
                if (!keyFile.exists()) {
                    if (current != null || !referenced.isEmpty()) {
                        throw new IllegalStateException(("个人信息密钥文件 %s 不存在，而数据库中的个人信息密钥由其加密（密钥环 %s）。"
                                + "The personal data key file %s does not exist, but the keys in the database are"
                                + " wrapped by it (keyring %s, versions %s): restore it, or point"
                                + " gongkai.personal-data.key-file (GONGKAI_PERSONAL_DATA_KEY_FILE) at it. Starting"
                                + " without it would make every applicant's personal data unreadable.")
                                .formatted(keyFile.path(), boundKeyring, keyFile.path(), boundKeyring, referenced));
                    }
                    keyFile.create(boundKeyring);
                }
            }
            String keyring = keks.keyringId();
            if (boundKeyring != null && !boundKeyring.equals(keyring)) {
                throw new IllegalStateException(("个人信息密钥文件属于另一个数据库（密钥环 %s，本数据库为 %s）。"
                        + "The personal data key file belongs to another database (its keyring is %s, this"
                        + " database's is %s): point gongkai.personal-data.key-file at this database's key file.")
                        .formatted(keyring, boundKeyring, keyring, boundKeyring));
            }
            SortedSet<Integer> versions = keks.versions();
            SortedSet<Integer> missing = new TreeSet<>(referenced);
            if (current != null) {
                missing.add(current);
            }
            missing.removeAll(versions);
            if (!missing.isEmpty()) {
                throw new IllegalStateException(("个人信息密钥文件缺少版本 %s。The personal data key file lacks versions %s"
                        + " that keys in the database are wrapped with (it holds %s): is it an older copy?")
                        .formatted(missing, missing, versions));
            }
            if (current == null) {
                jdbc.update("update personal_data_kek set keyring_id = ?, current_version = ?", keyring, versions.last());
                log.info("Bound keyring {} (version {}) to this database", keyring, versions.last());
            }
            int wrapped = wrapPlainKeys(JdbcPersonalDataKeys.currentVersion(jdbc));
            if (wrapped > 0) {
                log.info("Wrapped {} personal data keys stored in plain; their plain copies stay in WAL and dead row"
                        + " versions until VACUUM and the WAL's and backups' expiry (README, \"Erasure and the key file\")",
                        wrapped);
            }
        });
    }

    /** Rotates if a key was erased since the last rotation, a rotation was left unfinished, or keys are in plain. */
    @Scheduled(fixedDelayString = "${gongkai.personal-data.rotation-interval:PT1H}",
            initialDelayString = "${gongkai.personal-data.rotation-interval:PT1H}")
    public void rotateIfDue() {
        Status status = status();
        if (status.rotationDue() || status.versionsInKeyFile().size() > 1 || status.plainKeys() > 0) {
            rotate();
        }
    }

    /** Rotates now: a new key-encryption key, every remaining key rewrapped with it, the old ones destroyed. */
    public Rotation rotate() {
        return transaction.execute(status -> {
            lock(ROTATION_LOCK);
            int current = JdbcPersonalDataKeys.currentVersion(jdbc);
            SortedSet<Integer> versions = keks.versions();
            // a version above the current one was added by a rotation that stopped before its rewrap committed
            int target = versions.last() > current ? versions.last() : keks.addVersion();
            int rewrapped = separateTransaction.execute(inner -> rewrapAll(target));
            Long left = jdbc.queryForObject("select count(*) from personal_data_key where erased_at is null"
                    + " and kek_version is distinct from ?", Long.class, target);
            if (left != 0) {
                throw new IllegalStateException(left + " personal data keys are not wrapped with version " + target
                        + " after the rewrap; no version was destroyed");
            }
            SortedSet<Integer> destroyed = keks.retainOnly(target);
            log.info("Rotated the personal data key-encryption key to version {}: {} keys rewrapped, versions {}"
                    + " destroyed", target, rewrapped, destroyed);
            return new Rotation(target, rewrapped, destroyed);
        });
    }

    /** Where the keyring stands now. */
    public Status status() {
        return jdbc.queryForObject("""
                select k.current_version, k.rotation_due, k.rotated_at,
                       (select count(*) from personal_data_key where erased_at is null) as keys,
                       (select count(*) from personal_data_key where key_bytes is not null) as plain_keys
                from personal_data_kek k""", (rs, n) -> new Status(rs.getInt("current_version"), keks.versions(),
                rs.getBoolean("rotation_due"), rs.getObject("rotated_at", OffsetDateTime.class), rs.getLong("keys"),
                rs.getLong("plain_keys")));
    }

    private int rewrapAll(int target) {
        lock(JdbcPersonalDataKeys.WRAPPING_LOCK);
        // the same row the erasure marks first: an erasure in flight commits before, or marks the next rotation due
        jdbc.update("update personal_data_kek set current_version = ?, rotation_due = false, rotated_at = now()", target);
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("""
                select subject_id, key_bytes, wrapped_key, kek_version from personal_data_key
                where erased_at is null and kek_version is distinct from ? for update""", rs -> {
            String subject = rs.getString("subject_id");
            byte[] key = rs.getBytes("key_bytes");
            if (key == null) {
                int version = rs.getInt("kek_version");
                key = keks.unwrap(version, rs.getBytes("wrapped_key"), subject)
                        .orElseThrow(() -> new IllegalStateException("the personal data key of subject " + subject
                                + " does not unwrap with version " + version + "; the rotation stops, nothing destroyed"));
            }
            updates.add(new Object[] {keks.wrap(target, key, subject), target, subject});
        }, target);
        jdbc.batchUpdate("update personal_data_key set key_bytes = null, wrapped_key = ?, kek_version = ?"
                + " where subject_id = ?", updates);
        return updates.size();
    }

    private int wrapPlainKeys(int version) {
        lock(JdbcPersonalDataKeys.WRAPPING_LOCK);
        List<Object[]> updates = new ArrayList<>();
        jdbc.query("select subject_id, key_bytes from personal_data_key where key_bytes is not null for update",
                rs -> {
                    String subject = rs.getString("subject_id");
                    updates.add(new Object[] {keks.wrap(version, rs.getBytes("key_bytes"), subject), version, subject});
                });
        jdbc.batchUpdate("update personal_data_key set key_bytes = null, wrapped_key = ?, kek_version = ?"
                + " where subject_id = ?", updates);
        return updates.size();
    }

    private void lock(long lock) {
        jdbc.query("select pg_advisory_xact_lock(?)", (rs, n) -> null, lock);
    }
}
