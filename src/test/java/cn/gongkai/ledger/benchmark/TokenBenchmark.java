package cn.gongkai.ledger.benchmark;

import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.requests.RequestJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * What an API token saves (issue 10, item 1): {@code gongkai.benchmark.clients} clients (default 8)
 * each register {@code gongkai.benchmark.calls} applications (default 150) through
 * {@code POST /api/requests}, first with HTTP Basic (a bcrypt check per call), then with an API token
 * (a SHA-256 and one indexed lookup per call), and finally the same number of plain JDBC inserts of
 * the rows those registrations stored in the event table, one row per transaction, from as many
 * threads: the floor no API can go under on this machine. Calls/s and p50/p99 of each, in one run,
 * against one service and one database.
 *
 * <p>Run by {@code bench/tokens}, never by {@code verify} (the class name matches no surefire
 * include, and it runs only with {@code -Dgongkai.benchmark=true}). The service runs in this JVM
 * with the demo users on the machine's PostgreSQL ({@code gongkai.benchmark.database}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres; a fresh database, dropped afterwards)
 * and the in-JVM Kafka broker; its projections and publisher run as they do in service. Each
 * client has its own HTTP/1.1 connection; before measuring, every path is warmed up
 * ({@code gongkai.benchmark.warmup} calls per client, default 20).
 */
@EnabledIfSystemProperty(named = "gongkai.benchmark", matches = "true")
class TokenBenchmark {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(gk_[A-Za-z0-9_-]+)\"");

    private final int clients = Integer.getInteger("gongkai.benchmark.clients", 8);
    private final int calls = Integer.getInteger("gongkai.benchmark.calls", 150);
    private final int warmup = Integer.getInteger("gongkai.benchmark.warmup", 20);
    private final String server = System.getProperty("gongkai.benchmark.database", "jdbc:postgresql://127.0.0.1:5432/");
    private final Path results = Path.of(System.getProperty("gongkai.benchmark.results", "docs/benchmarks.md"));

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void registrationsWithBasicWithATokenAndAsPlainInserts() throws Exception {
        String database = "bench_tokens_" + System.currentTimeMillis();
        String url = server + database;
        String loadBefore = Machine.load();
        List<String> report = new ArrayList<>();
        try (TestKafka kafka = TestKafka.temporary()) {
            admin("create database " + database);
            TestDatabase.createServiceRole(new SimpleDriverDataSource(new org.postgresql.Driver(), server + "postgres",
                    "postgres", ""));
            try (ConfigurableApplicationContext service = start(url, kafka.bootstrapServers())) {
                String port = service.getEnvironment().getProperty("local.server.port");
                String base = "http://127.0.0.1:" + port;
                String basic = "Basic " + Base64.getEncoder()
                        .encodeToString("handler-kaifaqu:demo".getBytes(StandardCharsets.UTF_8));
                String bearer = "Bearer " + mint(base);

                run(base, basic, warmup, new ConcurrentLinkedQueue<>());
                run(base, bearer, warmup, new ConcurrentLinkedQueue<>());

                Phase withBasic = run(base, basic, calls, new ConcurrentLinkedQueue<>());
                ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
                Phase withToken = run(base, bearer, calls, registered);

                // the floor: the same event rows, inserted again under new ids, with nothing else running
                service.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
                Phase inserts = insertCopies(url, new ArrayList<>(registered));

                report.add("");
                report.add("| path | calls | calls/s | p50 ms | p99 ms | max ms |");
                report.add("|---|---:|---:|---:|---:|---:|");
                report.add(withBasic.row("`POST /api/requests`, HTTP Basic (bcrypt per call)"));
                report.add(withToken.row("`POST /api/requests`, API token (`Authorization: Bearer gk_…`)"));
                report.add(inserts.row("plain JDBC insert of the same event rows, one per transaction"));
                report.add("");
                report.add("- token vs. Basic: %.1f× the calls/s; plain inserts vs. token: %.1f×"
                        .formatted(withToken.perSecond() / withBasic.perSecond(),
                                inserts.perSecond() / withToken.perSecond()));
            } finally {
                admin("drop database if exists " + database + " with (force)");
            }
        }
        write(report, loadBefore, Machine.load());
    }

    /** An API token with HANDLER for a new service account, minted by the demo ADMIN. */
    private String mint(String base) throws Exception {
        String body = """
                {"name":"benchmark","serviceAccount":"svc-benchmark","roles":["HANDLER"],"expiresAt":"%s"}"""
                .formatted(OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/admin/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin-kaifaqu:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher secret = SECRET.matcher(created.body());
        if (created.statusCode() != 201 || !secret.find()) {
            throw new IllegalStateException("minting the benchmark's token answered " + created.statusCode());
        }
        return secret.group(1);
    }

    /** {@code clients} threads, each registering {@code perClient} applications with the given Authorization. */
    private Phase run(String base, String authorization, int perClient, ConcurrentLinkedQueue<String> registered)
            throws InterruptedException {
        String body = RequestJson.received(today);
        long[][] latencies = new long[clients][perClient];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = latencies[c];
            threads.add(Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/requests"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                try {
                    start.await();
                    for (int i = 0; i < mine.length; i++) {
                        long sent = System.nanoTime();
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        mine[i] = System.nanoTime() - sent;
                        Matcher id = REQUEST_ID.matcher(answer.body());
                        if (answer.statusCode() != 201 || !id.find()) {
                            failures.incrementAndGet();
                        } else {
                            registered.add(id.group(1));
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - began;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " registrations were not answered 201");
        }
        return new Phase(Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray(), elapsed);
    }

    /**
     * The event rows of the registered applications, inserted again under new aggregate and event
     * ids by {@code clients} threads, each row in its own transaction (autocommit), as the service's
     * database role: what a registration has to write at the least.
     */
    private Phase insertCopies(String url, List<String> requestIds) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection jdbc = DriverManager.getConnection(url, TestDatabase.SERVICE_ROLE, TestDatabase.SERVICE_PASSWORD);
             PreparedStatement select = jdbc.prepareStatement("""
                     select sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data
                     from domain_event_entry where aggregate_identifier = ?""")) {
            for (String id : requestIds) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Object[] {row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                                row.getString(5), row.getBytes(6), row.getBytes(7)});
                    }
                }
            }
        }
        int perClient = rows.size() / clients;
        long[][] latencies = new long[clients][perClient];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Object[]> mine = rows.subList(c * perClient, (c + 1) * perClient);
            long[] times = latencies[c];
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection jdbc = DriverManager.getConnection(url, TestDatabase.SERVICE_ROLE,
                        TestDatabase.SERVICE_PASSWORD);
                     PreparedStatement insert = jdbc.prepareStatement("""
                             insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                 type, time_stamp, payload_type, payload_revision, payload, meta_data)
                             values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    start.await();
                    for (int i = 0; i < times.length; i++) {
                        Object[] row = mine.get(i);
                        long began = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        for (int column = 0; column < row.length; column++) {
                            insert.setObject(column + 3, row[column]);
                        }
                        insert.executeUpdate();
                        times[i] = System.nanoTime() - began;
                    }
                } catch (SQLException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - began;
        return new Phase(Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray(), elapsed);
    }

    private ConfigurableApplicationContext start(String url, String bootstrapServers) {
        List<String> args = new ArrayList<>(TestDatabase.connectionArguments(url));
        args.addAll(List.of(
                "--server.port=0",
                "--gongkai.kafka.bootstrap-servers=" + bootstrapServers,
                "--gongkai.year-close.automatic=false",
                // without the tests' db/test folder: the demo passwords at their production BCrypt cost
                "--spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    /** One measured phase: every call's latency (sorted) and the wall time of the whole phase. */
    private record Phase(long[] sortedNanos, long elapsedNanos) {

        double perSecond() {
            return sortedNanos.length / (elapsedNanos / 1e9);
        }

        double percentileMillis(double p) {
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1e6;
        }

        String row(String path) {
            return "| %s | %,d | %,.1f | %.1f | %.1f | %.1f |".formatted(path, sortedNanos.length, perSecond(),
                    percentileMillis(0.50), percentileMillis(0.99), sortedNanos[sortedNanos.length - 1] / 1e6);
        }
    }

    private void write(List<String> report, String loadBefore, String loadAfter) throws IOException {
        String section = """

                ### API tokens against Basic and plain inserts: run of %s

                - machine: %d cores (%s), %s RAM; load average before %s, after %s
                - command: `bench/tokens` (`./mvnw -o test -Dtest=TokenBenchmark -Dgongkai.benchmark=true`)
                - settings: %d clients, %d registrations each per path (after %d warm-up calls each per path);
                  the service in the benchmark's JVM, test profile (demo users, their passwords bcrypt cost 10),
                  PostgreSQL: the machine's server at %s, a fresh database, dropped afterwards
                %s
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), Machine.memory(), loadBefore, loadAfter, clients, calls, warmup, server, String.join("\n", report));
        System.out.println(section);
        Files.writeString(results, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void admin(String statement) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement sql = jdbc.createStatement()) {
            sql.execute(statement);
        }
    }
}
