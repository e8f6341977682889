package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.common.Priority;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4, "Must show" (c): the publisher is killed in the middle of a batch, and on restart no
 * event is missing and the only duplicates are the ones the README's at-least-once rule allows.
 *
 * <p>The kill is a real one: the service runs in a JVM of its own ({@link DyingService}) on this
 * test's database and broker, with a backlog of {@value #BACKLOG} events (applications of four events
 * each). In the middle of a publisher batch, after Kafka has acknowledged part of it, that JVM halts
 * ({@link Runtime#halt}: no shutdown hook, no commit, no release of the token's claim). A new service
 * then starts on the same database and broker, takes the dead node's segment over once its claim has
 * timed out, and sends the batch again from its first event.
 */
class PublisherKillIT {

    private static final String TOPIC = "gongkai.requests.v1";
    static final int BACKLOG = 2_000;
    /** The event of a batch at which the dying service halts. */
    static final int HALT_AT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPublisherKilledMidBatchLosesNothingAndDuplicatesOnlyWhatItHadNotCommitted() throws Exception {
        try (TestKafka kafka = TestKafka.temporary()) {
            String url = TestDatabase.newDatabaseUrl();

            // given a service that halts its JVM in the middle of a publisher batch
            Path log = Files.createDirectories(Path.of("target")).resolve("publisher-kill-dying-service.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            Files.writeString(Path.of("target", "publisher-kill.args"), String.join("\n", args(url, kafka.bootstrapServers())));
            long started = System.nanoTime();
            Process dying = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    // a service that boots, writes and dies: C1 alone compiles enough for it (see EmbeddedDefaultKillIT)
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Daxoniq.update-checker.disabled=true", "-Duser.timezone=UTC", DyingService.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            try {
                dying.getOutputStream().close();
                // a JVM that boots the whole service, then writes and publishes the backlog: it booted in 86 s alone
                // on the loaded 2-core machine beside the other surefire JVM, so 90 s were not enough
                assertThat(dying.waitFor(240, TimeUnit.SECONDS)).as("the dying service halted; see " + log).isTrue();
            } finally {
                dying.destroyForcibly();
            }
            assertThat(Files.readString(log)).as(log.toString()).contains("halting mid-batch");
            assertThat(dying.exitValue()).isEqualTo(137);
            System.out.printf("PublisherKillIT: the dying service ran %.1f s%n", (System.nanoTime() - started) / 1e9);

            JdbcClient jdbc = JdbcClient.create(TestDatabase.asService(url));
            long committed = PublisherProgress.position(jdbc);
            List<Message> beforeRestart = TopicReader.readAll(kafka.bootstrapServers(), TOPIC);
            Map<String, Long> globalIndexById = new HashMap<>();
            Map<String, Long> sequenceById = new HashMap<>();
            Map<String, String> applicationById = new HashMap<>();
            jdbc.sql("select global_index, event_identifier, sequence_number, aggregate_identifier from domain_event_entry")
                    .query(rs -> {
                        globalIndexById.put(rs.getString(2), rs.getLong(1));
                        sequenceById.put(rs.getString(2), rs.getLong(3));
                        applicationById.put(rs.getString(2), rs.getString(4));
                    });
            assertThat(sequenceById).hasSize(BACKLOG);
            // and it died mid-batch: Kafka holds messages of events its token had not yet passed
            assertThat(beforeRestart).as("messages acknowledged before the halt, beyond the committed token " + committed)
                    .anySatisfy(m -> assertThat(globalIndexById.get(id(m))).isGreaterThan(committed));
            assertThat(committed).as("the token did not reach the end").isLessThan(BACKLOG);

            // when a new service starts on the same database and broker
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                    .profiles("test").run(args(url, kafka.bootstrapServers()))) {

                // then a consumer following the documented rule gets every event, each application in order
                Map<String, Long> expectedPerApplication = applicationById.values().stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                List<Message> all = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                        () -> TopicReader.readAll(kafka.bootstrapServers(), TOPIC),
                        published -> appliedPerApplication(published).equals(expectedPerApplication));
                Map<String, List<Message>> byApplication = all.stream().collect(Collectors.groupingBy(Message::key));
                expectedPerApplication.forEach((application, count) -> assertThat(
                        appliedInOrder(byApplication.get(application))).as(application).hasSize(count.intValue()));

                // every event is there under its own id, with its own sequence
                Map<String, Long> copies = all.stream().collect(Collectors.groupingBy(PublisherKillIT::id, Collectors.counting()));
                assertThat(copies.keySet()).isEqualTo(sequenceById.keySet());
                all.forEach(m -> assertThat(Long.parseLong(JSON.readTree(m.value()).get("sequence").asString()))
                        .as(id(m)).isEqualTo(sequenceById.get(id(m))));
                // and the only duplicates are events the dead publisher had sent but not committed: sent again once
                List<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
                assertThat(duplicated).as("the killed batch's acknowledged messages, sent again").isNotEmpty();
                assertThat(duplicated).allSatisfy(id -> {
                    assertThat(globalIndexById.get(id)).as(id).isGreaterThan(committed);
                    assertThat(copies.get(id)).as(id).isEqualTo(2);
                });
                assertThat(beforeRestart.stream().map(PublisherKillIT::id).distinct().count())
                        .as("everything sent before the halt is duplicated or was committed")
                        .isEqualTo(beforeRestart.size());
                System.out.printf("PublisherKillIT: halted with the token at %d of %d, %d messages in Kafka then;"
                        + " after the restart %d messages, %d events duplicated%n",
                        committed, BACKLOG, beforeRestart.size(), all.size(), duplicated.size());
            }
        }
    }

    private static String id(Message message) {
        return JSON.readTree(message.value()).get("id").asString();
    }

    private static Map<String, Long> appliedPerApplication(List<Message> published) {
        return published.stream().collect(Collectors.groupingBy(Message::key)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) appliedInOrder(e.getValue()).size()));
    }

    /** The README's consumer rule: apply an application's message only if its sequence is the next one. */
    private static List<Long> appliedInOrder(List<Message> messagesOfOneApplication) {
        List<Long> applied = new ArrayList<>();
        for (Message message : messagesOfOneApplication.stream().sorted(Comparator.comparingLong(Message::offset)).toList()) {
            long sequence = Long.parseLong(JSON.readTree(message.value()).get("sequence").asString());
            if (sequence == applied.size()) {
                applied.add(sequence);
            }
        }
        return applied;
    }

    static String[] args(String url, String bootstrapServers) {
        return TestDatabase.arguments(url,
                "--server.port=0",
                "--gongkai.kafka.bootstrap-servers=" + bootstrapServers,
                "--gongkai.year-close.automatic=false",
                // one segment and large batches, so that the halt falls inside a batch of hundreds
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=1",
                "--axon.eventhandling.processors.kafka-publisher.batch-size=500",
                // the dead node's claim is taken over after 2 s instead of 10
                "--axon.eventhandling.tokenstore.claim-timeout=2s");
    }

    /**
     * The service that dies: the application plus a backlog writer and {@link HaltMidBatch}, run by
     * the test in a JVM of its own with the arguments the test wrote to {@code target/publisher-kill.args}.
     */
    public static final class DyingService {

        public static void main(String[] ignored) throws Exception {
            System.setProperty("axoniq.update-checker.disabled", "true");
            String[] args = Files.readAllLines(Path.of("target", "publisher-kill.args")).toArray(String[]::new);
            new SpringApplicationBuilder(GongkaiLedgerApplication.class, HaltMidBatch.class, Backlog.class)
                    .profiles("test").run(args);
        }
    }

    /** Appends the backlog in one transaction, so that the publisher finds it all at once. */
    static final class Backlog {

        @Bean
        ApplicationRunner appendBacklog(EventStore store) {
            return arguments -> {
                LocalDate day = LocalDate.of(2026, 3, 16);
                List<GenericDomainEventMessage<?>> events = new ArrayList<>();
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < BACKLOG / 4; i++) {
                    ids.add(UUID.randomUUID());
                }
                MetaData actor = MetaData.with(ActorMetaData.USERNAME, "handler-kaifaqu")
                        .and(ActorMetaData.AGENCY, "kaifaqu").and(ActorMetaData.ROLES, "HANDLER");
                for (int step = 0; step < 4; step++) {
                    int number = 0;
                    for (UUID id : ids) {
                        number++;
                        Object payload = switch (step) {
                            case 0 -> new RequestReceived(id, "kaifaqu", "K%06d".formatted(number), Channel.INTERNET, day, day,
                                    ApplicantCategory.NATURAL_PERSON, new ApplicantDetails("张三", "居民身份证",
                                    "410102199001011234", "13800000000", "河南省驻马店市开发区1号"),
                                    "2021年开发区道路建设项目的立项批复文件", DeliveryForm.ELECTRONIC_BY_EMAIL);
                            case 1 -> new AnswerDrafted(id, 1, Outcome.DISCLOSED, "第二十七条", "予以公开", "handler-kaifaqu",
                                    day.plusDays(5));
                            case 2 -> new AnswerApproved(id, 1, "reviewer-kaifaqu", day.plusDays(6));
                            default -> new RequestAnswered(id, 1, Outcome.DISCLOSED, day.plusDays(7));
                        };
                        events.add(new GenericDomainEventMessage<>("InformationRequest", id.toString(), step, payload, actor));
                    }
                }
                store.publish(events);
                System.out.println("backlog of " + events.size() + " events appended");
            };
        }
    }

    /**
     * Joins the publisher's processing group after the publisher, and at the {@value #HALT_AT}th
     * event of a batch, once Kafka has acknowledged what the batch sent so far, halts the JVM.
     */
    @ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
    @Priority(Priority.LAST)
    static final class HaltMidBatch {

        private final Producer<String, byte[]> producer;

        HaltMidBatch(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        @EventHandler
        void on(RequestEvent event) {
            var batch = CurrentUnitOfWork.get().root();
            AtomicInteger seen = batch.getOrComputeResource(HaltMidBatch.class.getName(), key -> new AtomicInteger());
            if (seen.incrementAndGet() == HALT_AT) {
                producer.flush();
                System.out.println("halting mid-batch, at event " + HALT_AT + " of a batch, application " + event.requestId());
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
