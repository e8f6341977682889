package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keyring on a real PostgreSQL, without the service: the key file is bound to its database,
 * keys stored in plain before V15 are wrapped at start, a missing, foreign or outdated key file is
 * refused rather than read as "every applicant erased", and a rotation waits for a key being
 * wrapped with the version it is about to destroy (ADR 0012).
 */
class PersonalDataKeyringIT {

    @TempDir
    Path directory;

    String url;
    DataSource service;
    DataSourceTransactionManager transactions;
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        url = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(url);
        service = TestDatabase.asService(url);
        transactions = new DataSourceTransactionManager(service);
        jdbc = JdbcClient.create(service);
    }

    @Test
    void aKeyStoredInPlainIsWrappedAtStartAndStillOpensTheSameValues() {
        byte[] plain = new byte[32];
        new SecureRandom().nextBytes(plain);
        jdbc.sql("insert into personal_data_key (subject_id, key_bytes) values ('old-subject', ?)").param(plain).update();

        KeyFile file = new KeyFile(directory.resolve("keys"));
        rotation(file).open(file);

        Map<String, Object> row = jdbc.sql("select key_bytes, wrapped_key, kek_version from personal_data_key"
                + " where subject_id = 'old-subject'").query().singleRow();
        assertThat(row.get("key_bytes")).isNull();
        assertThat(row.get("wrapped_key")).isNotNull();
        assertThat(row.get("kek_version")).isEqualTo(1);
        assertThat(keys(file).keyForReading("old-subject")).hasValueSatisfying(key -> assertThat(key).isEqualTo(plain));
    }

    @Test
    void withoutItsKeyFileTheKeyringRefusesToOpenOnceAKeyIsWrappedWithIt() {
        KeyFile file = new KeyFile(directory.resolve("keys"));
        rotation(file).open(file);
        inTransaction(() -> keys(file).keyForWriting("subject"));

        KeyFile missing = new KeyFile(directory.resolve("elsewhere/keys"));

        assertThatThrownBy(() -> rotation(missing).open(missing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("不存在").hasMessageContaining("does not exist")
                .hasMessageContaining(missing.path().toString());
        assertThat(Files.exists(missing.path())).isFalse();
    }

    @Test
    void theKeyFileOfAnotherDatabaseIsRefused() {
        KeyFile ours = new KeyFile(directory.resolve("ours"));
        rotation(ours).open(ours);
        String otherUrl = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(otherUrl);
        KeyFile theirs = new KeyFile(directory.resolve("theirs"));
        DataSource other = TestDatabase.asService(otherUrl);
        new PersonalDataKeyRotation(other, new DataSourceTransactionManager(other), theirs).open(theirs);

        assertThatThrownBy(() -> rotation(theirs).open(theirs)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("另一个数据库").hasMessageContaining("belongs to another database");
        String freshUrl = TestDatabase.newDatabaseUrl();
        TestDatabase.migrate(freshUrl);
        DataSource fresh = TestDatabase.asService(freshUrl);
        assertThatThrownBy(() -> new PersonalDataKeyRotation(fresh, new DataSourceTransactionManager(fresh), ours)
                .open(ours)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("不属于本数据库").hasMessageContaining("belongs to another database");
    }

    @Test
    void anOlderCopyOfTheKeyFileIsRefusedAfterARotation() throws Exception {
        KeyFile file = new KeyFile(directory.resolve("keys"));
        PersonalDataKeyRotation rotation = rotation(file);
        rotation.open(file);
        inTransaction(() -> keys(file).keyForWriting("subject"));
        Path copy = Files.copy(file.path(), directory.resolve("copy"));

        rotation.rotate();

        KeyFile older = new KeyFile(copy);
        assertThatThrownBy(() -> rotation(older).open(older)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("缺少版本").hasMessageContaining("lacks versions [2]");
    }

    @Test
    void aRotationWaitsForAKeyBeingWrappedWithTheVersionItIsAboutToDestroy() throws Exception {
        KeyFile file = new KeyFile(directory.resolve("keys"));
        PersonalDataKeyRotation rotation = rotation(file);
        rotation.open(file);
        JdbcPersonalDataKeys keys = keys(file);
        CountDownLatch wrapped = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // threads of their own: the common pool may have a single one on a small machine
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<byte[]> writer = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(status -> {
                    byte[] key = keys.keyForWriting("being-registered");
                    wrapped.countDown();
                    released(commit);
                    return key;
                }), threads);
        assertThat(wrapped.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<PersonalDataKeyRotation.Rotation> rotating = CompletableFuture.supplyAsync(rotation::rotate, threads);

        await().atMost(Duration.ofSeconds(30)).until(() -> rotating.isDone() || TestDatabase.superuser(url).sql(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted").query(Long.class).single() > 0);
        assertThat(rotating).as("the rotation, while a key is being wrapped with the old version").isNotDone();
        commit.countDown();
        PersonalDataKeyRotation.Rotation done = rotating.get(30, TimeUnit.SECONDS);
        assertThat(done.kekVersion()).isEqualTo(2);
        assertThat(done.destroyedVersions()).containsExactly(1);
        assertThat(file.versions()).containsExactly(2);
        assertThat(keys.keyForReading("being-registered")).hasValueSatisfying(key ->
                assertThat(key).isEqualTo(writer.join()));
        threads.shutdown();
    }

    @Test
    void theScheduledCheckRotatesOnlyAfterAnErasure() {
        KeyFile file = new KeyFile(directory.resolve("keys"));
        PersonalDataKeyRotation rotation = rotation(file);
        rotation.open(file);
        JdbcPersonalDataKeys keys = keys(file);
        inTransaction(() -> keys.keyForWriting("kept"));
        inTransaction(() -> keys.keyForWriting("erased"));

        rotation.rotateIfDue();
        assertThat(file.versions()).containsExactly(1);
        inTransaction(() -> keys.erase("erased", "admin", "保存期限届满"));
        assertThat(rotation.status().rotationDue()).isTrue();
        rotation.rotateIfDue();

        assertThat(file.versions()).containsExactly(2);
        assertThat(rotation.status().rotationDue()).isFalse();
        assertThat(keys.keyForReading("kept")).isPresent();
        assertThat(keys.keyForReading("erased")).isEmpty();
    }

    @Test
    void keysCreatedInABatchAreTheKeysTheirSubjectsWriteAndReadWithAndARollbackLeavesNone() {
        KeyFile file = new KeyFile(directory.resolve("keys"));
        rotation(file).open(file);
        JdbcPersonalDataKeys keys = keys(file);
        inTransaction(() -> keys.keyForWriting("registered-before"));
        byte[] before = keys.keyForReading("registered-before").orElseThrow();
        Map<String, byte[]> written = new java.util.HashMap<>();

        inTransaction(() -> {
            keys.createForWriting(List.of("imported-1", "imported-2", "registered-before"));
            for (String subject : List.of("imported-1", "imported-2", "registered-before")) {
                written.put(subject, keys.keyForWriting(subject));
            }
        });

        assertThat(written.get("imported-1")).isNotEqualTo(written.get("imported-2"));
        assertThat(keys.keyForReading("imported-1")).hasValueSatisfying(key -> assertThat(key).isEqualTo(written.get("imported-1")));
        assertThat(keys.keyForReading("imported-2")).hasValueSatisfying(key -> assertThat(key).isEqualTo(written.get("imported-2")));
        assertThat(written.get("registered-before")).as("an existing key is kept, never replaced").isEqualTo(before);
        assertThat(jdbc.sql("select kek_version from personal_data_key where subject_id = 'imported-1'").query(Integer.class)
                .single()).isEqualTo(1);

        assertThatThrownBy(() -> inTransaction(() -> {
            keys.createForWriting(List.of("rolled-back"));
            throw new IllegalStateException("the import fails");
        })).hasMessage("the import fails");
        assertThat(keys.keyForReading("rolled-back")).isEmpty();
        assertThatThrownBy(() -> keys.createForWriting(List.of("outside"))).isInstanceOf(IllegalStateException.class);
    }

    private PersonalDataKeyRotation rotation(KeyFile file) {
        return new PersonalDataKeyRotation(service, transactions, file);
    }

    private JdbcPersonalDataKeys keys(KeyFile file) {
        return new JdbcPersonalDataKeys(service, file);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static void released(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
