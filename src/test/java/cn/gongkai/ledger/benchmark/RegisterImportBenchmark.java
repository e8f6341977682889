package cn.gongkai.ledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.requests.imports.ImportProgress;
import cn.gongkai.ledger.requests.imports.ImportReport;
import cn.gongkai.ledger.requests.imports.RegisterImports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16, "Must show": a register of {@code gongkai.benchmark.rows} rows (default 100,000) imported
 * through {@link RegisterImports} (the service behind {@code POST /api/imports}), its progress sampled
 * while it runs, then the projections' catch-up and the annual tables reconciled; and a kill -9 of the
 * service's JVM in the middle of such an import, then a restart: no row or all rows, never a part.
 * Embedded PostgreSQL and the in-JVM KRaft broker, as every test. Outside {@code verify}:
 * {@code ./mvnw -o test -Dtest=RegisterImportBenchmark -Dgongkai.benchmark=true}; each run appends its
 * figures to {@code gongkai.benchmark.results} (default docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "gongkai.benchmark", matches = "true")
class RegisterImportBenchmark {

    static final int ROWS = Integer.getInteger("gongkai.benchmark.rows", 100_000);
    private static final Actor HEAD = new Actor("head-kaifaqu", "kaifaqu", Set.of(Role.HEAD));
    private static final Path FILE = Path.of("target", "register-import-benchmark.csv");
    private static final Path ARGS = Path.of("target", "register-import-kill.args");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path results = Path.of(System.getProperty("gongkai.benchmark.results", "docs/benchmarks.md"));
    private final List<String> report = new ArrayList<>();

    @Test
    void aKillDuringAnImportLeavesNoRowAndTheSameFileThenImportsWhole() throws Exception {
        byte[] file = register(ROWS);
        Files.createDirectories(FILE.getParent());
        Files.write(FILE, file);
        try (TestKafka kafka = TestKafka.temporary()) {
            String url = TestDatabase.newDatabaseUrl();
            String[] args = args(url, kafka.bootstrapServers());
            Files.writeString(ARGS, String.join("\n", args));
            Path log = Path.of("target", "register-import-kill-dying-service.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process dying = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", DyingImport.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int doneAtKill;
            try {
                dying.getOutputStream().close();
                doneAtKill = await().atMost(Duration.ofMinutes(25)).pollInterval(Duration.ofMillis(100))
                        .until(() -> rowsDone(log), done -> done >= ROWS / 3);
                dying.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM; PostgreSQL sees the connection drop
                assertThat(dying.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                dying.destroyForcibly();
            }
            assertThat(dying.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            JdbcClient jdbc = JdbcClient.create(TestDatabase.asService(url));
            assertThat(count(jdbc, "register_import_row")).as("rows of the killed import").isZero();
            assertThat(importedEvents(jdbc)).as("events of the killed import").isZero();
            assertThat(jdbc.sql("select status from register_import where kind = 'IMPORT'").query(String.class).single())
                    .isEqualTo("RUNNING");
            report.add("- kill -9 of the service's JVM when the progress said %,d of %,d rows done: afterwards 0 rows,"
                    .formatted(doneAtKill, ROWS) + " 0 imported events in the store");

            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                    .profiles("test").run(args)) {
                assertThat(jdbc.sql("select status from register_import where kind = 'IMPORT'").query(String.class).single())
                        .as("marked at the restart").isEqualTo("ROLLED_BACK");
                RegisterImports imports = service.getBean(RegisterImports.class);
                Measured measured = importAndMeasure(imports, file);
                assertThat(count(jdbc, "register_import_row")).isEqualTo(ROWS);
                assertThat(importedEvents(jdbc)).isEqualTo(measured.events);
                long caughtUp = System.nanoTime();
                int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
                long head = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
                Map<String, Double> atHead = new TreeMap<>();
                await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    positions(jdbc).forEach((processor, position) -> {
                        if (position >= head) {
                            atHead.putIfAbsent(processor, (System.nanoTime() - caughtUp) / 1e9);
                        }
                    });
                    return count(jdbc, "statistics_application") == ROWS && count(jdbc, "request_summary") == ROWS;
                });
                double catchUp = (System.nanoTime() - caughtUp) / 1e9;
                await().atMost(Duration.ofMinutes(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    positions(jdbc).forEach((processor, position) -> {
                        if (position >= head) {
                            atHead.putIfAbsent(processor, (System.nanoTime() - caughtUp) / 1e9);
                        }
                    });
                    return atHead.keySet().containsAll(positions(jdbc).keySet());
                });
                List<String> tables = new ArrayList<>();
                for (Map.Entry<Integer, Long> year : receivedPerYear().entrySet()) {
                    JsonNode table = await().atMost(Duration.ofMinutes(2)).until(() -> statistics(port, year.getKey()),
                            t -> t.get("part3").get("cells").get("RECEIVED").get("TOTAL").asLong() == year.getValue());
                    assertThat(table.get("reconciled").asBoolean()).as(year + " " + table).isTrue();
                    tables.add(year.getKey() + ": received " + year.getValue() + ", reconciled");
                }
                report.add("- restarted: the killed import read ROLLED_BACK; the same file confirmed again: %s"
                        .formatted(measured.describe()));
                report.add("- projections (request_summary, annual tables) caught up %.1f s after the import committed; %s"
                        .formatted(catchUp, String.join("; ", tables)));
                List<String> processors = new ArrayList<>();
                atHead.forEach((processor, seconds) -> processors.add("%s %.0f s".formatted(processor, seconds)));
                report.add("- each processor at the head (%,d) after the commit: %s".formatted(head, String.join(", ", processors)));
            }
        }
        append();
    }

    private Measured importAndMeasure(RegisterImports imports, byte[] file) {
        String loadBefore = Machine.load();
        long t0 = System.nanoTime();
        ImportReport dryRun = imports.dryRun(HEAD, file);
        long t1 = System.nanoTime();
        assertThat(dryRun.refused()).isEmpty();
        assertThat(dryRun.rowsToImport()).isEqualTo(ROWS);
        ImportProgress started = imports.start(HEAD, file, dryRun.fileSha256());
        List<String> samples = new ArrayList<>();
        ImportProgress done = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            ImportProgress now = imports.progress(HEAD.agencyId(), started.importId());
            samples.add("%.0f s: %,d".formatted((System.nanoTime() - t1) / 1e9, now.rowsDone()));
            return now;
        }, p -> !"RUNNING".equals(p.status()));
        long t2 = System.nanoTime();
        assertThat(done.status()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.rowsImported()).isEqualTo(ROWS);
        return new Measured(ROWS, (t1 - t0) / 1e9, (t2 - t1) / 1e9, loadBefore, Machine.load(), samples,
                expectedEvents());
    }

    record Measured(int rows, double dryRunSeconds, double importSeconds, String loadBefore, String loadAfter,
                    List<String> samples, long events) {

        String describe() {
            return ("%,d rows: dry run %.1f s (%,.0f rows/s); import (start to DONE, one transaction, %,d events) %.1f s = **%,.0f rows/s**;"
                    + " load average before %s, after %s; progress samples (rows done): %s")
                    .formatted(rows, dryRunSeconds, rows / dryRunSeconds, events, importSeconds, rows / importSeconds,
                            loadBefore, loadAfter, String.join(", ", samples.size() > 12
                                    ? samples.subList(samples.size() - 12, samples.size()) : samples));
        }
    }

    /** The service that is killed: the application, which imports the file at once and prints its progress. */
    public static final class DyingImport {

        public static void main(String[] ignored) throws Exception {
            System.setProperty("axoniq.update-checker.disabled", "true");
            String[] args = Files.readAllLines(ARGS).toArray(String[]::new);
            ConfigurableApplicationContext service = new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                    .profiles("test").run(args);
            RegisterImports imports = service.getBean(RegisterImports.class);
            byte[] file = Files.readAllBytes(FILE);
            ImportReport dryRun = imports.dryRun(HEAD, file);
            ImportProgress started = imports.start(HEAD, file, dryRun.fileSha256());
            while (true) {
                ImportProgress now = imports.progress(HEAD.agencyId(), started.importId());
                System.out.println("progress " + now.rowsDone() + " " + now.status());
                System.out.flush();
                Thread.sleep(100); // a child process reporting to its parent, not a test waiting for a condition
            }
        }
    }

    /** Applications received 2023–2025, about one in eight still open, some concluded the next year. */
    static byte[] register(int rows) {
        StringBuilder csv = new StringBuilder("登记号,收到申请日期,申请渠道,申请人类型,申请人姓名/名称,证件号码,联系电话,地址,申请内容,是否延期,办理结果,答复日期\n");
        String[] channels = {"互联网渠道", "当面提交", "邮寄", "平常信函", "传真"};
        String[] categories = {"自然人", "自然人", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
        String[] outcomes = {"(一) 予以公开", "(二) 部分公开", "1.本机关不掌握相关政府信息", "2.重复申请", "申请人撤回",
                "4.保护第三方合法权益", "3.其他"};
        for (int i = 0; i < rows; i++) {
            int year = 2023 + i % 3;
            LocalDate received = LocalDate.of(year, 1, 1).plusDays((i / 3) % 365);
            boolean open = i % 8 == 7;
            LocalDate concluded = received.plusDays(10 + i % 30);
            csv.append("%d-%06d,%s,%s,%s,申请人%d,41010219900101%04d,138%08d,驻马店市开发区%d号,\"第 %d 件申请的内容，含逗号\",%s,%s,%s\n"
                    .formatted(year, i / 3 + 1, received, channels[i % 5], categories[i % 8], i, i % 10000, i, i % 500, i,
                            i % 10 == 0 && !open ? "是" : "否", open ? "" : outcomes[i % 7], open ? "" : concluded));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<Integer, Long> receivedPerYear() {
        Map<Integer, Long> years = new TreeMap<>();
        for (int i = 0; i < ROWS; i++) {
            years.merge(2023 + i % 3, 1L, Long::sum);
        }
        return years;
    }

    private static long expectedEvents() {
        long events = 0;
        for (int i = 0; i < ROWS; i++) {
            boolean open = i % 8 == 7;
            events += 1 + (open ? 0 : 1) + (i % 10 == 0 && !open ? 1 : 0);
        }
        return events;
    }

    private static int rowsDone(Path log) throws java.io.IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("progress ")) {
                return Integer.parseInt(lines.get(i).split(" ")[1]);
            }
        }
        return 0;
    }

    /** Each tracking processor's position: the lowest of its segments' token indexes. */
    private static Map<String, Long> positions(JdbcClient jdbc) {
        Map<String, Long> positions = new TreeMap<>();
        jdbc.sql("select processor_name, convert_from(token, 'UTF8') from token_entry where token is not null")
                .query(rs -> {
                    java.util.regex.Matcher index = java.util.regex.Pattern.compile("\"index\"\\s*:\\s*(\\d+)")
                            .matcher(rs.getString(2));
                    long position = -1;
                    while (index.find()) {
                        position = Math.max(position, Long.parseLong(index.group(1)));
                    }
                    positions.merge(rs.getString(1), position, Math::min);
                });
        return positions;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static long importedEvents(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') like '%\"source\":\"import\"%'")
                .query(Long.class).single();
    }

    private static JsonNode statistics(int port, int year) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/statistics/" + year))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("head-kaifaqu:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    private static String[] args(String url, String bootstrapServers) {
        return TestDatabase.arguments(url, "--server.port=0", "--gongkai.kafka.bootstrap-servers=" + bootstrapServers,
                "--gongkai.year-close.automatic=false");
    }

    private void append() throws java.io.IOException {
        String commit = System.getProperty("gongkai.benchmark.commit", "working tree");
        String section = """

                ### Register import run of %s (RegisterImportBenchmark, commit %s)

                - machine: %s, %s, %d cores; embedded PostgreSQL and the in-JVM KRaft broker in the same two cores
                - command: `./mvnw -o test -Dtest=RegisterImportBenchmark -Dgongkai.benchmark=true -Dgongkai.benchmark.rows=%d`
                %s
                """.formatted(ZonedDateTime.now(ZoneOffset.UTC).withNano(0), commit, Machine.cpuModel(), Machine.memory(),
                Runtime.getRuntime().availableProcessors(), ROWS, String.join("\n", report));
        Files.writeString(results, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(section);
    }
}
