package cn.gongkai.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.publishing.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 9, finding 6: the embedded default ({@link DevGongkaiLedger}) keeps every command it has
 * acknowledged when its JVM and its PostgreSQL are killed together, and Kafka never holds an event
 * the store lacks.
 *
 * <p>The service runs in a JVM of its own on a temporary data directory and free ports, as
 * {@code ./mvnw spring-boot:test-run} runs it. {@value #WORKERS} clients take applications through
 * registration, extension, draft, approval and answer; each 2xx answer is an acknowledged event.
 * While they are sending, the service's JVM and its postmaster (pid from {@code postmaster.pid})
 * get SIGKILL, one right after the other: no shutdown hook, no checkpoint, and whatever WAL the
 * server had not flushed is gone. The service then starts again on the same directory, which also
 * has to get past the dead server's {@code postmaster.pid} ({@link StaleEmbeddedPostgres}).
 *
 * <p>With {@code synchronous_commit=off} (the library's default) this test loses the last
 * acknowledged commands, and the startup log says the server is not crash-safe.
 */
class EmbeddedDefaultKillIT {

    private static final String TOPIC = "gongkai.requests.v1";
    private static final int WORKERS = 4;
    /** Acknowledged commands (at least) before the kill is armed; the clients keep sending until it. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** One command the service answered 2xx to: the application and the event type it recorded. */
    record Acknowledged(UUID requestId, String eventType) {
    }

    @Test
    void killingTheServiceAndItsDatabaseTogetherLosesNoAcknowledgedCommandAndLeavesNoPhantomInKafka() throws Exception {
        long started = System.nanoTime();
        Path runs = Files.createDirectories(Path.of("target", "embedded-default-kill"));
        Path home = Files.createTempDirectory(runs.toAbsolutePath(), "data-");
        int httpPort = TestKafka.freePort();
        int kafkaPort = TestKafka.freePort();
        String kafka = "localhost:" + kafkaPort;
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        boolean passed = false;

        Service first = Service.start(home, httpPort, kafkaPort, runs.resolve("first.log"));
        try {
            first.awaitUp();
            Clients clients = new Clients(httpPort, acknowledged, refused);
            clients.start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .ignoreException(TimeoutException.class)
                        .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL
                                && !TopicReader.readAll(kafka, TOPIC).isEmpty());
                long postmaster = first.postmasterPid();
                clients.killAtNextAcknowledgement(() -> {
                    first.process.destroyForcibly();
                    ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
                });
                await().atMost(Duration.ofSeconds(30)).until(clients::killed);
            } finally {
                clients.stop();
            }
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.kill();
        }
        System.out.printf("EmbeddedDefaultKillIT: killed after %d acknowledged commands (%d refused or cut off)%n",
                acknowledged.size(), refused.get());

        Service second = Service.start(home, httpPort, kafkaPort, runs.resolve("second.log"));
        try {
            second.awaitUp();
            assertThat(second.log()).as("the restart found the killed server's postmaster.pid; " + second.logFile)
                    .contains("which is no longer its PostgreSQL server");
            assertThat(first.log() + second.log()).as("both runs on a crash-safe server")
                    .doesNotContain("PostgreSQL is not crash-safe")
                    .contains("PostgreSQL commits are durable: synchronous_commit=on, fsync=on");

            JdbcClient store = TestDatabase.superuser("jdbc:postgresql://localhost:%d/postgres".formatted(second.postgresPort()));
            Map<Acknowledged, String> eventIds = new HashMap<>();
            Set<String> storedIds = new HashSet<>();
            store.sql("select aggregate_identifier, payload_type, event_identifier from domain_event_entry")
                    .query(rs -> {
                        String type = rs.getString(2).substring(rs.getString(2).lastIndexOf('.') + 1);
                        eventIds.put(new Acknowledged(UUID.fromString(rs.getString(1)), type), rs.getString(3));
                        storedIds.add(rs.getString(3));
                    });

            List<Acknowledged> lost = acknowledged.stream().filter(command -> !eventIds.containsKey(command)).toList();
            assertThat(lost).as("acknowledged commands whose event the store lacks after the restart").isEmpty();

            // the restarted publisher catches up; then every message on the topic is an event of the store
            Set<String> acknowledgedIds = acknowledged.stream().map(eventIds::get).collect(Collectors.toSet());
            List<TopicReader.Message> published = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreException(TimeoutException.class)
                    .until(() -> TopicReader.readAll(kafka, TOPIC), messages -> ids(messages).containsAll(acknowledgedIds));
            Set<String> phantoms = new HashSet<>(ids(published));
            phantoms.removeAll(storedIds);
            assertThat(phantoms).as("messages on %s of events the store lacks", TOPIC).isEmpty();
            System.out.printf("EmbeddedDefaultKillIT: all %d acknowledged events stored, %d messages on the topic,"
                    + " no phantom; %.1f s%n", acknowledged.size(), published.size(), (System.nanoTime() - started) / 1e9);
            passed = true;
        } finally {
            second.stop();
            if (passed) {
                FileSystemUtils.deleteRecursively(home);
            }
        }
    }

    private static Set<String> ids(List<TopicReader.Message> messages) {
        return messages.stream().map(m -> m.json().get("id").asString()).collect(Collectors.toSet());
    }

    /** The embedded default in a JVM of its own, its output in {@code logFile}. */
    private record Service(Process process, Path home, int httpPort, Path logFile) {

        static Service start(Path home, int httpPort, int kafkaPort, Path logFile) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m",
                    "-D" + DevGongkaiLedger.DATA_DIRECTORY + "=" + home,
                    "-D" + DevGongkaiLedger.KAFKA_PORT + "=" + kafkaPort,
                    "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC",
                    DevGongkaiLedger.class.getName(),
                    "--server.port=" + httpPort, "--gongkai.year-close.automatic=false")
                    .redirectErrorStream(true).redirectOutput(logFile.toFile())
                    .start();
            process.getOutputStream().close();
            return new Service(process, home, httpPort, logFile);
        }

        void awaitUp() {
            HttpClient http = HttpClient.newHttpClient();
            // a JVM that starts PostgreSQL (initdb on a new directory), Kafka and the service: a bound for the
            // loaded 2-core machine, where it shares the cores with the other surefire JVM
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive()).as("the service is running; see " + logFile).isTrue();
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        List<String> postmasterPidFile() throws IOException {
            return Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid"));
        }

        long postmasterPid() throws IOException {
            return Long.parseLong(postmasterPidFile().get(0).strip());
        }

        int postgresPort() throws IOException {
            return Integer.parseInt(postmasterPidFile().get(3).strip());
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        /** A clean stop (SIGTERM: Spring closes the service, then the broker and the database). */
        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }

        /** SIGKILL to the JVM, and to the postmaster should it still run. */
        void kill() throws Exception {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(postmasterPid())
                        .filter(server -> StaleEmbeddedPostgres.isServerOf(server, home.resolve("postgres")))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /**
     * The clients: each takes one application after another through five steps, as two users
     * (handler and reviewer), and records every 2xx answer. A step that fails ends its
     * application; the kill ends them all.
     */
    private static final class Clients {

        private final int httpPort;
        private final Queue<Acknowledged> acknowledged;
        private final AtomicInteger refused;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicBoolean killed = new AtomicBoolean();
        private volatile Runnable kill;
        private final ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Clients(int httpPort, Queue<Acknowledged> acknowledged, AtomicInteger refused) {
            this.httpPort = httpPort;
            this.acknowledged = acknowledged;
            this.refused = refused;
        }

        void start() {
            for (int i = 0; i < WORKERS; i++) {
                threads.execute(() -> {
                    while (!stopped.get()) {
                        oneApplication();
                    }
                });
            }
        }

        /**
         * Runs {@code kill} the moment the next 2xx answer arrives, while the other clients are
         * still sending: the worst moment for the command just acknowledged, whose commit is at
         * most milliseconds old (an asynchronous commit's WAL waits up to 200 ms for the WAL writer).
         */
        void killAtNextAcknowledgement(Runnable kill) {
            this.kill = kill;
        }

        boolean killed() {
            return killed.get();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        private void oneApplication() {
            UUID id = UUID.randomUUID();
            String today = LocalDate.now(CHINA).toString();
            String received = LocalDate.now(CHINA).minusDays(3).toString();
            String path = "/api/requests/" + id;
            boolean ok = step(id, "RequestReceived", "handler-kaifaqu", "/api/requests", """
                    {"requestId":"%s","channel":"INTERNET","receivedOn":"%s","applicantCategory":"NATURAL_PERSON",
                     "applicant":{"name":"断电测试人"},
                     "informationRequested":"2021年开发区道路建设项目的立项批复文件","deliveryForm":"ELECTRONIC_BY_EMAIL"}"""
                    .formatted(id, received))
                    && step(id, "DeadlineExtended", "reviewer-kaifaqu", path + "/extension",
                    "{\"workingDays\":10,\"reason\":\"需调取档案\",\"extendedOn\":\"%s\"}".formatted(today))
                    && step(id, "AnswerDrafted", "handler-kaifaqu", path + "/answer-draft",
                    "{\"outcome\":\"DISCLOSED\",\"legalBasis\":\"条例第三十六条第一项\",\"text\":\"予以公开\",\"draftedOn\":\"%s\"}"
                            .formatted(today))
                    && step(id, "AnswerApproved", "reviewer-kaifaqu", path + "/answer-draft/approval",
                    "{\"approvedOn\":\"%s\"}".formatted(today))
                    && step(id, "RequestAnswered", "handler-kaifaqu", path + "/answer",
                    "{\"answeredOn\":\"%s\"}".formatted(today));
            if (!ok) {
                refused.incrementAndGet();
            }
        }

        /** Sends one command; true (and recorded as acknowledged) on a 2xx answer only. */
        private boolean step(UUID id, String eventType, String user, String path, String body) {
            if (stopped.get()) {
                return false;
            }
            String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Basic " + credentials)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    acknowledged.add(new Acknowledged(id, eventType));
                    Runnable armed = kill;
                    if (armed != null && killed.compareAndSet(false, true)) {
                        armed.run();
                    }
                    return true;
                }
                return false;
            } catch (IOException cutOff) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
