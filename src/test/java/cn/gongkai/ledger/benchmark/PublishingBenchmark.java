package cn.gongkai.ledger.benchmark;

import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The publisher's throughput and latency, on the real in-JVM KRaft broker and the PostgreSQL server
 * of the machine (not embedded): run by {@code bench/run}, never by {@code verify} (the class name
 * matches none of surefire's includes, and it runs only with {@code -Dgongkai.benchmark=true}).
 *
 * <ol>
 *   <li><b>Cold catch-up.</b> A backlog of {@code gongkai.benchmark.events} events (applications of four
 *   events each: received, answer drafted, approved, answered) is appended through Axon's
 *   {@link EventStore} in large batches, with every other processor shut down; their tokens are then
 *   set to the head, so that only {@code kafka-publisher} works. A new context starts it from the
 *   tail, and the benchmark measures events/s until every segment's token reaches the head: a
 *   service (re)started on a backlog, its JIT compiling as it drains.</li>
 *   <li><b>Warm catch-up.</b> In that context, every processor is stopped (as the publisher is,
 *   for its part, while Kafka is unavailable), a second backlog of the same size is appended, and
 *   the publisher is started again: the backlog after an outage, drained by a running service.</li>
 *   <li><b>Steady state.</b> With every processor running, events are appended at
 *   {@code gongkai.benchmark.rate} events/s for {@code gongkai.benchmark.seconds} s while a consumer
 *   reads the topic; the lag of a message is the moment it is read minus its envelope's
 *   {@code time} (when the event was recorded).</li>
 * </ol>
 *
 * Settings (system properties, {@code bench/run} passes them): {@code gongkai.benchmark.batch-size},
 * {@code .segments}, {@code .threads}, {@code .database} (JDBC URL of the server, default
 * {@code jdbc:postgresql://127.0.0.1:5432/}, user postgres), {@code .results} (the Markdown file to
 * append to, default {@code docs/benchmarks.md}).
 */
@EnabledIfSystemProperty(named = "gongkai.benchmark", matches = "true")
class PublishingBenchmark {

    private static final String PUBLISHER = "kafka-publisher";
    private static final String TOPIC = "gongkai.requests.v1";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final Pattern TIME = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");
    private static final String AGENCY = "kaifaqu";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 16);

    private final int events = Integer.getInteger("gongkai.benchmark.events", 200_000);
    private final int batchSize = Integer.getInteger("gongkai.benchmark.batch-size", 2000);
    private final int segments = Integer.getInteger("gongkai.benchmark.segments", 2);
    private final int threads = Integer.getInteger("gongkai.benchmark.threads", 2);
    private final int rate = Integer.getInteger("gongkai.benchmark.rate", 500);
    private final int seconds = Integer.getInteger("gongkai.benchmark.seconds", 60);
    private final String server = System.getProperty("gongkai.benchmark.database", "jdbc:postgresql://127.0.0.1:5432/");
    private final Path results = Path.of(System.getProperty("gongkai.benchmark.results", "docs/benchmarks.md"));
    private final String extra = System.getProperty("gongkai.benchmark.extra", "");

    private final AtomicLong applications = new AtomicLong();

    @Test
    void catchUpAndSteadyStateLag() throws Exception {
        String database = "bench_" + System.currentTimeMillis();
        String url = server + database;
        List<String> report = new ArrayList<>();
        String loadBefore = Machine.load();
        try (TestKafka kafka = TestKafka.temporary()) {
            admin("create database " + database);
            TestDatabase.createServiceRole(new SimpleDriverDataSource(new org.postgresql.Driver(), server + "postgres", "postgres", ""));
            try {
                // 1. the backlog, appended with every processor stopped
                long appendStarted = System.nanoTime();
                try (ConfigurableApplicationContext service = start(url, kafka.bootstrapServers())) {
                    EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
                    awaitTokens(processing, service.getBean(TokenStore.class));
                    processing.eventProcessors().values().forEach(EventProcessor::shutDown);
                    appendBacklog(service.getBean(EventStore.class));
                }
                long head = backlogAppended(url, 0, (System.nanoTime() - appendStarted) / 1e9, report);

                // 2. cold catch-up: a service started on the backlog, the publisher alone from the tail to the head
                long started = System.nanoTime();
                Sampler sampler = new Sampler(url, kafka.bootstrapServers(), started);
                try (ConfigurableApplicationContext service = start(url, kafka.bootstrapServers())) {
                    double contextSeconds = (System.nanoTime() - started) / 1e9;
                    report.add(sampler.awaitDrain(0, head, head).describe("cold catch-up", "a service started on the backlog",
                            " (context start took %.1f s)".formatted(contextSeconds)));
                    report.add("- progress (s → records in the topic): " + progress(sampler.samples));

                    // 3. warm catch-up: the publisher stopped, as while Kafka is unavailable, and a second
                    // backlog appended; then the running (warm) publisher drains it
                    EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
                    processing.eventProcessors().values().forEach(EventProcessor::shutDown);
                    long secondStarted = System.nanoTime();
                    appendBacklog(service.getBean(EventStore.class));
                    long secondHead = backlogAppended(url, head, (System.nanoTime() - secondStarted) / 1e9, report);
                    long before = recordsInTopic(kafka.bootstrapServers());
                    long resumed = System.nanoTime();
                    Sampler warm = new Sampler(url, kafka.bootstrapServers(), resumed);
                    processing.eventProcessor(PUBLISHER).orElseThrow().start();
                    report.add(warm.awaitDrain(before, secondHead - head, secondHead).describe("warm catch-up", "the running service's publisher resumed",
                            ""));
                    report.add("- progress (s → records in the topic): " + progress(warm.samples));
                    report.add("- %,d records in the topic after both".formatted(recordsInTopic(kafka.bootstrapServers())));
                    processing.eventProcessors().values().forEach(EventProcessor::start);

                    // 4. steady state: appends at the target rate, a consumer measuring recorded → readable
                    report.add(steadyState(service.getBean(EventStore.class), kafka.bootstrapServers()));
                }
            } finally {
                admin("drop database if exists " + database + " with (force)");
            }
        }
        write(report, loadBefore, Machine.load());
    }

    private String steadyState(EventStore store, String bootstrapServers) throws Exception {
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        AtomicLong read = new AtomicLong();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p));
        Thread reader = Thread.ofPlatform().start(() -> {
            try (consumer) {
                while (consuming.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        Matcher time = TIME.matcher(new String(record.value(), StandardCharsets.UTF_8));
                        if (time.find()) {
                            lags.add(now - Instant.parse(time.group(1)).toEpochMilli());
                            read.incrementAndGet();
                        }
                    }
                }
            }
        });
        // writers: each appends one event per transaction, as a command does, paced to the rate
        int writers = 4;
        long periodNanos = 1_000_000_000L * writers / rate;
        long total = (long) rate * seconds;
        AtomicLong appended = new AtomicLong();
        String loadAtStart = Machine.load();
        long start = System.nanoTime();
        List<Thread> writerThreads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long offset = periodNanos * w / writers;
            writerThreads.add(Thread.ofPlatform().start(() -> {
                long next = start + offset;
                UUID id = null;
                int step = 4;
                for (long n = 0; n < total / writers; n++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    if (step == 4) {
                        id = UUID.randomUUID();
                        step = 0;
                    }
                    store.publish(event(id, step++));
                    appended.incrementAndGet();
                    next += periodNanos;
                }
            }));
        }
        for (Thread writer : writerThreads) {
            writer.join();
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        String loadAtEnd = Machine.load();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (read.get() < appended.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        consuming.set(false);
        reader.join();
        List<Long> sorted = new ArrayList<>(lags);
        Collections.sort(sorted);
        String line = ("- **steady state at %d events/s: lag p50 %d ms, p99 %d ms** (max %d ms); %,d events appended in %.1f s"
                + " (%,.0f/s achieved, %d writer threads, one event per append), %,d messages read; load %s → %s")
                .formatted(rate, percentile(sorted, 50), percentile(sorted, 99), sorted.isEmpty() ? -1 : sorted.getLast(),
                        appended.get(), appendSeconds, appended.get() / appendSeconds, writers, sorted.size(), loadAtStart, loadAtEnd);
        System.out.println(line);
        return line;
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private GenericDomainEventMessage<?> event(UUID id, int step) {
        Object payload = switch (step) {
            case 0 -> new RequestReceived(id, AGENCY, "B%09d".formatted(applications.incrementAndGet()), Channel.INTERNET,
                    DAY, DAY, ApplicantCategory.NATURAL_PERSON,
                    new ApplicantDetails("张三", "居民身份证", "410102199001011234", "13800000000", "河南省驻马店市开发区1号"),
                    "2021年开发区道路建设项目的立项批复文件", DeliveryForm.ELECTRONIC_BY_EMAIL);
            case 1 -> new AnswerDrafted(id, 1, Outcome.DISCLOSED, "第二十七条", "予以公开", "handler-kaifaqu", DAY.plusDays(5));
            case 2 -> new AnswerApproved(id, 1, "reviewer-kaifaqu", DAY.plusDays(6));
            default -> new RequestAnswered(id, 1, Outcome.DISCLOSED, DAY.plusDays(7));
        };
        MetaData metaData = MetaData.with(ActorMetaData.USERNAME, step == 2 ? "reviewer-kaifaqu" : "handler-kaifaqu")
                .and(ActorMetaData.AGENCY, AGENCY)
                .and(ActorMetaData.ROLES, step == 2 ? "REVIEWER" : "HANDLER");
        return new GenericDomainEventMessage<>("InformationRequest", id.toString(), step, payload, metaData);
    }

    private ConfigurableApplicationContext start(String url, String bootstrapServers) {
        List<String> args = new ArrayList<>(TestDatabase.connectionArguments(url));
        args.addAll(List.of(
                "--server.port=0",
                "--gongkai.kafka.bootstrap-servers=" + bootstrapServers,
                "--gongkai.year-close.automatic=false",
                "--axon.eventhandling.processors.kafka-publisher.batch-size=" + batchSize,
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=" + segments,
                "--axon.eventhandling.processors.kafka-publisher.thread-count=" + threads,
                "--logging.level.root=WARN"));
        for (String setting : extra.split(" ")) {
            if (!setting.isBlank()) {
                args.add("--" + setting);
            }
        }
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    /** Appends {@code events} events, applications of four events each, in chunks of 2,000. */
    private void appendBacklog(EventStore store) {
        List<GenericDomainEventMessage<?>> chunk = new ArrayList<>();
        int applicationsInBacklog = events / 4;
        for (int group = 0; group < applicationsInBacklog; group += 500) {
            List<UUID> ids = new ArrayList<>();
            for (int i = group; i < Math.min(group + 500, applicationsInBacklog); i++) {
                ids.add(UUID.randomUUID());
            }
            for (int step = 0; step < 4; step++) {
                for (UUID id : ids) {
                    chunk.add(event(id, step));
                }
            }
            store.publish(chunk);
            chunk.clear();
        }
    }

    /**
     * Sets every processor but the publisher to the head (they are stopped: the benchmark measures
     * the publisher alone) and returns the head. The publisher's token stays where it was, or is
     * removed before the first drain, so that it starts from the tail.
     */
    private static long backlogAppended(String url, long previousHead, double appendSeconds, List<String> report)
            throws SQLException {
        try (Connection jdbc = connect(url); Statement sql = jdbc.createStatement()) {
            long head = single(sql, "select max(global_index) from domain_event_entry");
            long count = single(sql, "select count(*) from domain_event_entry where global_index > " + previousHead);
            sql.executeUpdate("update token_entry set owner = null, token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',"
                    + " token = convert_to('{\"index\":" + head + ",\"gaps\":[]}', 'UTF8') where processor_name <> '" + PUBLISHER + "'");
            if (previousHead == 0) {
                sql.executeUpdate("delete from token_entry where processor_name = '" + PUBLISHER + "'");
            }
            System.out.printf("backlog: %d events (head %d) appended in %.1f s%n", count, head, appendSeconds);
            report.add("- backlog: %,d events (%,d applications × 4), appended through `EventStore.publish` in batches of 2,000 in %.1f s"
                    .formatted(count, count / 4, appendSeconds));
            return head;
        }
    }

    /**
     * Every 100 ms, reads how many records the topic holds (the sum of its partitions' end offsets:
     * what downstream can read), the publisher's lowest segment position, and this JVM's CPU time and
     * JIT compilation time. The drain is measured by the records: a segment stores its token after a
     * batch of its own events, but after events of other segments only when it extends its claim
     * (every 5 s), so the lowest token reaches the head up to 5 s after the last message is out.
     * The CPU per event is steadier than the rate on a shared machine, and shows what the JIT takes
     * while the JVM warms up.
     */
    private static final class Sampler {

        /**
         * {nanos since start, records in the topic, lowest token, process CPU nanos, JIT millis, and
         * the machine's CPU ticks from /proc/stat: all, idle (with iowait), stolen by the hypervisor}
         */
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean sampling = new AtomicBoolean(true);
        private final Thread thread;
        private final long started;
        private long records;
        private long expected;

        Sampler(String url, String bootstrapServers, long started) {
            this.started = started;
            this.thread = Thread.ofPlatform().daemon().start(() -> sample(url, bootstrapServers));
        }

        private void sample(String url, String bootstrapServers) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var jit = ManagementFactory.getCompilationMXBean();
            try (Connection jdbc = connect(url);
                 Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                while (sampling.get()) {
                    long lowest = -1;
                    try (Statement sql = jdbc.createStatement();
                         ResultSet rows = sql.executeQuery("select convert_from(token, 'UTF8') from token_entry where processor_name = '"
                                 + PUBLISHER + "'")) {
                        long min = Long.MAX_VALUE;
                        boolean any = false;
                        while (rows.next()) {
                            any = true;
                            min = Math.min(min, index(rows.getString(1)));
                        }
                        lowest = any ? min : 0;
                    } catch (SQLException e) {
                        // the table may not be there yet
                    }
                    long inTopic = recordsIn(kafka);
                    long[] machine = machineTicks();
                    samples.add(new long[] {System.nanoTime() - started, inTopic, Math.max(lowest, 0), os.getProcessCpuTime(),
                            jit.getTotalCompilationTime(), machine[0], machine[1], machine[2]});
                    Thread.sleep(100);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The sum of the topic's end offsets; 0 before the broker has created it with the first message. */
        private static long recordsIn(Admin kafka) throws InterruptedException {
            try {
                var description = kafka.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                description.partitions().forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
                return kafka.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    return 0;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** The first line of /proc/stat: {all ticks, idle + iowait, steal}; zeros where there is none. */
        private static long[] machineTicks() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long all = 0;
                for (int i = 1; i < cpu.length; i++) {
                    all += Long.parseLong(cpu[i]);
                }
                return new long[] {all, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]), cpu.length > 8 ? Long.parseLong(cpu[8]) : 0};
            } catch (IOException | RuntimeException e) {
                return new long[3];
            }
        }

        /**
         * Waits (15 minutes at most) until the topic holds {@code count} records more than the
         * {@code before} it held when the publisher started, and every segment of the publisher has
         * passed {@code head}.
         */
        Sampler awaitDrain(long before, long count, long head) throws InterruptedException {
            records = before;
            expected = before + count;
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while ((samples.isEmpty() || samples.getLast()[1] < expected || samples.getLast()[2] < head)
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            sampling.set(false);
            thread.join();
            if (samples.getLast()[1] < expected || samples.getLast()[2] < head) {
                throw new AssertionError("not drained within 15 minutes: " + (samples.getLast()[1] - records) + " of " + count
                        + " records, token at " + samples.getLast()[2] + " of " + head);
            }
            return this;
        }

        String describe(String name, String what, String context) {
            long[] first = samples.stream().filter(s -> s[1] > records).findFirst().orElseThrow();
            long[] last = samples.stream().filter(s -> s[1] >= expected).findFirst().orElseThrow();
            long[] tokensAtHead = samples.getLast();
            double drainSeconds = (last[0] - first[0]) / 1e9;
            double rate = (expected - first[1]) / drainSeconds;
            // the JVM warms up during a cold drain: the second half's rate is the sustained one
            long[] half = samples.stream().filter(s -> s[1] >= records + (expected - records) / 2).findFirst().orElseThrow();
            double secondHalfRate = (expected - half[1]) / ((last[0] - half[0]) / 1e9);
            double cpuSeconds = (last[3] - first[3]) / 1e9;
            double cpuMicros = (last[3] - first[3]) / 1e3 / (expected - first[1]);
            double jitSeconds = (last[4] - first[4]) / 1e3;
            double ticks = Math.max(1, last[5] - first[5]);
            String line = ("- **%s: %,.0f events/s** (%s; %,d records written to the topic from the first at %.1f s to the last at"
                    + " %.1f s%s; every segment's token at the head at %.1f s); second half: %,.0f events/s; this JVM used %.1f s of CPU,"
                    + " %.0f µs per event; its JIT compiler threads were busy for %.1f s of the drain; the machine's CPUs were"
                    + " %.0f %% idle and %.0f %% stolen by the hypervisor")
                    .formatted(name, rate, what, expected - first[1], first[0] / 1e9, last[0] / 1e9, context, tokensAtHead[0] / 1e9,
                            secondHalfRate, cpuSeconds, cpuMicros, jitSeconds, 100 * (last[6] - first[6]) / ticks,
                            100 * (last[7] - first[7]) / ticks);
            System.out.println(line);
            return line;
        }
    }

    /**
     * The position of a stored token: a new processor starts with a replay token (Axon's default
     * initial token), whose {@code currentToken} is where it is; otherwise a gap-aware token.
     */
    private static long index(String token) {
        if (token == null) {
            return 0;
        }
        tools.jackson.databind.JsonNode node = JSON.readTree(token);
        if (node.has("tokenAtReset")) {
            node = node.get("currentToken");
        }
        return node == null || node.isNull() || !node.has("index") ? 0 : node.get("index").asLong();
    }

    /**
     * Waits until every streaming processor has stored its tokens. A processor stopped before it did
     * has no row to set to the head below: in the catch-up it would start from the tail and work
     * through the backlog beside the publisher (the audit trail and the hash chain did, at first).
     */
    private static void awaitTokens(EventProcessingConfiguration processing, TokenStore tokens)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (var processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor) {
                while (tokens.fetchSegments(processor.getKey()).length == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("processor " + processor.getKey() + " stored no token within a minute");
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static String progress(List<long[]> samples) {
        StringBuilder out = new StringBuilder();
        long nextSecond = 0;
        for (long[] sample : samples) {
            if (sample[0] / 1_000_000_000L >= nextSecond) {
                out.append(out.isEmpty() ? "" : ", ").append(sample[0] / 1_000_000_000L).append("→").append(sample[1]);
                nextSecond = sample[0] / 1_000_000_000L + 5;
            }
        }
        return out.toString();
    }

    private static long recordsInTopic(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return Sampler.recordsIn(admin);
        }
    }

    private void write(List<String> report, String loadBefore, String loadAfter) throws IOException {
        String section = """

                ### Run of %s

                - machine: %d cores (%s), %s RAM; load average before %s, after %s
                - command: `bench/run` (`./mvnw -o test -Dtest=PublishingBenchmark -Dgongkai.benchmark=true ...`)
                - settings: kafka-publisher batch-size %d, %d segments, %d threads%s; %d-partition topic on the in-JVM KRaft broker;
                  PostgreSQL: the machine's server at %s, a fresh database, dropped afterwards
                %s
                """.formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), Machine.memory(), loadBefore, loadAfter, batchSize, segments, threads,
                extra.isBlank() ? "" : "; " + extra, 3, server, String.join("\n", report));
        System.out.println(section);
        if (results.getParent() != null) {
            Files.createDirectories(results.getParent());
        }
        Files.writeString(results, section, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private void admin(String statement) throws SQLException {
        try (Connection jdbc = connect(server + "postgres"); Statement sql = jdbc.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
