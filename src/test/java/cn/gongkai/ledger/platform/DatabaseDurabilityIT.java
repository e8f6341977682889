package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.gongkai.ledger.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 9, finding 6: the service says at start, at WARN, when PostgreSQL may lose a commit it
 * acknowledged ({@link DatabaseDurability}), and the embedded default's kept data directory runs
 * crash-safe ({@link TestDatabase#start} with a directory).
 */
class DatabaseDurabilityIT {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseDurability.class);
    private Level level;

    @BeforeEach
    void captureTheLog() {
        logged.start();
        logger.addAppender(logged);
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void restoreTheLog() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    @Test
    void aThrowawayTestServerIsReportedAsNotCrashSafe() {
        DatabaseDurability check = new DatabaseDurability(TestDatabase.superuser(TestDatabase.newDatabaseUrl()));

        assertThat(check.settings().unsafe()).containsExactlyInAnyOrder("synchronous_commit=off", "fsync=off");
        check.afterPropertiesSet();
        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("PostgreSQL is not crash-safe for this service"
                    + " (synchronous_commit=off, fsync=off)").contains("can lose commands that were already answered");
        });
    }

    @Test
    void theEmbeddedDefaultsKeptDirectoryIsCrashSafeUnlessTheServiceRoleTurnsSynchronousCommitOff() throws Exception {
        Path parent = Files.createDirectories(Path.of("target", "durability"));
        Path directory = Files.createTempDirectory(parent.toAbsolutePath(), "data-");
        try (EmbeddedPostgres server = TestDatabase.start(directory)) {
            String url = "jdbc:postgresql://localhost:%d/postgres".formatted(server.getPort());
            DatabaseDurability asService = new DatabaseDurability(JdbcClient.create(TestDatabase.asService(url)));

            assertThat(asService.settings().unsafe()).isEmpty();
            asService.afterPropertiesSet();
            assertThat(logged.list).singleElement().satisfies(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.INFO);
                assertThat(line.getFormattedMessage()).isEqualTo(
                        "PostgreSQL commits are durable: synchronous_commit=on, fsync=on, full_page_writes=on");
            });

            // a setting of the role the service connects as is what its sessions get: the check reads those
            TestDatabase.superuser(url).sql("create role careless login password 'careless'").update();
            TestDatabase.superuser(url).sql("alter role careless set synchronous_commit = off").update();
            DatabaseDurability asCareless = new DatabaseDurability(JdbcClient.create(
                    new SimpleDriverDataSource(new org.postgresql.Driver(), url, "careless", "careless")));
            assertThat(asCareless.settings().unsafe()).containsExactly("synchronous_commit=off");
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }
}
