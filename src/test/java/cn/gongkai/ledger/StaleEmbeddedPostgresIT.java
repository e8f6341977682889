package cn.gongkai.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 9, finding 6: a kept data directory starts again after a run that died without stopping
 * its embedded PostgreSQL ({@link StaleEmbeddedPostgres}, called by {@link TestDatabase#start}).
 * The run that dies is a real JVM of its own ({@link Orphaner}) that halts with its server up, as
 * a {@code kill -9} of {@code ./mvnw spring-boot:test-run} leaves it.
 */
class StaleEmbeddedPostgresIT {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StaleEmbeddedPostgres.class);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Level level;
    private Path directory;

    @BeforeEach
    void captureTheLog() throws Exception {
        logged.start();
        logger.addAppender(logged);
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        Path parent = Files.createDirectories(Path.of("target", "stale-postgres"));
        directory = Files.createTempDirectory(parent.toAbsolutePath(), "data-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        logger.detachAppender(logged);
        logger.setLevel(level);
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        FileSystemUtils.deleteRecursively(directory);
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedAndTheNewOneHasItsData() throws Exception {
        long orphan = orphanAServer();
        assertThat(ProcessHandle.of(orphan)).as("the dead JVM's server is still running")
                .hasValueSatisfying(server -> assertThat(StaleEmbeddedPostgres.isServerOf(server, directory)).isTrue());

        EmbeddedPostgres restarted = start();

        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned server").isEmpty();
        assertThat(rows(restarted)).containsExactly("written before the kill");
        assertThat(messages()).anySatisfy(message -> assertThat(message)
                .contains("is still running (pid " + orphan).contains("stopping it"));
    }

    @Test
    void aPidFileNamingADeadServerWhosePidAnotherProgramNowHasIsRemoved() throws Exception {
        long orphan = orphanAServer();
        ProcessHandle server = ProcessHandle.of(orphan).orElseThrow();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        // the dead server's pid, as if the system had given it to another program since
        Process otherProgram = new ProcessBuilder("sleep", "120").start();
        toClose.add(otherProgram::destroyForcibly);
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines = new ArrayList<>(Files.readAllLines(pidFile));
        lines.set(0, Long.toString(otherProgram.pid()));
        Files.write(pidFile, lines);

        EmbeddedPostgres restarted = start();

        assertThat(rows(restarted)).containsExactly("written before the kill");
        assertThat(otherProgram.isAlive()).as("the program that has the pid now is left alone").isTrue();
        assertThat(messages()).anySatisfy(message -> assertThat(message)
                .contains("names pid " + otherProgram.pid() + ", which is no longer its PostgreSQL server"));
    }

    @Test
    void theServerOfAServiceThatStillRunsIsNotTouched() {
        EmbeddedPostgres running = start();

        assertThatThrownBy(() -> StaleEmbeddedPostgres.clear(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to a service that is still running");
        assertThat(JdbcClient.create(running.getPostgresDatabase()).sql("select 1").query(Integer.class).single())
                .isEqualTo(1);
    }

    /** Runs {@link Orphaner} on the directory and returns the pid of the server it left running. */
    private long orphanAServer() throws Exception {
        Path log = directory.resolveSibling(directory.getFileName() + "-orphaner.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Orphaner.class.getName(), directory.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        toClose.add(jvm::destroyForcibly);
        // a JVM that runs initdb with fsync on: 60 s were not enough on the loaded 2-core CI machine
        assertThat(jvm.waitFor(180, TimeUnit.SECONDS)).as("the orphaner halted; see " + log).isTrue();
        assertThat(Files.readString(log)).as(log.toString()).contains("halting with the server up");
        assertThat(jvm.exitValue()).isEqualTo(137);
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip());
        toClose.add(() -> ProcessHandle.of(pid).filter(server -> StaleEmbeddedPostgres.isServerOf(server, directory))
                .ifPresent(ProcessHandle::destroyForcibly));
        return pid;
    }

    private EmbeddedPostgres start() {
        EmbeddedPostgres server = TestDatabase.start(directory);
        toClose.add(server);
        return server;
    }

    private static List<String> rows(EmbeddedPostgres server) {
        return JdbcClient.create(server.getPostgresDatabase()).sql("select v from kept").query(String.class).list();
    }

    private List<String> messages() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * A run that dies with its server up: starts the embedded PostgreSQL on the directory given,
     * writes a row, and halts (no shutdown hook, as after {@code kill -9}).
     */
    public static final class Orphaner {

        public static void main(String[] args) {
            EmbeddedPostgres server = TestDatabase.start(Path.of(args[0]));
            JdbcClient jdbc = JdbcClient.create(server.getPostgresDatabase());
            jdbc.sql("create table kept (v text)").update();
            jdbc.sql("insert into kept values ('written before the kill')").update();
            System.out.println("halting with the server up");
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
