package cn.gongkai.ledger.publishing;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.TestService;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A message the broker will not take (larger than the topic's {@code max.message.bytes}) goes to
 * the dead-letter queue, counted, and holds back only its own application's later events; once
 * the limit is raised, an administrator's retry publishes it and the held-back ones, in order. On a
 * broker of its own, whose topic limit the test lowers and raises.
 */
class DeadLetterIT {

    private static final String TOPIC = RequestMessages.TOPIC;

    @Test
    void aMessageTheBrokerRejectsIsParkedWithItsApplicationsLaterEventsOnlyAndPublishedOnRetry() throws Exception {
        try (TestKafka kafka = TestKafka.temporary();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            try (ConfigurableApplicationContext service = start(kafka.bootstrapServers())) {
                Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                LocalDate today = BusinessClock.today(service.getBean(Clock.class));

                // given an application published while every message fits
                String other = register(api, today);
                Message otherReceived = await().atMost(Duration.ofSeconds(30)).until(
                        () -> TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), other),
                        messages -> messages.size() == 1).getFirst();

                // and the topic's limit lowered below a registration's message (but above a withdrawal's)
                setMaxMessageBytes(admin, otherReceived.value().getBytes(StandardCharsets.UTF_8).length + 90);
                awaitRejected(kafka.bootstrapServers(), otherReceived);

                // when a new application is registered (and parked, being too large: it is not withdrawn
                // before, so that no producer batch carries both its messages — a batch the broker refuses
                // as a whole is split and retried by the producer, see README "Dead letters"), then
                // withdrawn, and the other one withdrawn too
                String parked = register(api, today);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        api.get("admin-kaifaqu", "/api/admin/publishing/dead-letters").json().size()).isEqualTo(1));
                withdraw(api, parked, today);
                withdraw(api, other, today);

                // then the other application's withdrawal is published
                await().atMost(Duration.ofSeconds(30)).until(
                        () -> TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), other),
                        messages -> messages.size() == 2);
                // and the new application's registration is parked, with its withdrawal held back behind it
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Response list = api.get("admin-kaifaqu", "/api/admin/publishing/dead-letters");
                    assertThat(list.status()).as(list.toString()).isEqualTo(200);
                    assertThat(list.json().size()).as(list.toString()).isEqualTo(1);
                    assertThat(list.json().get(0).get("sequenceId").asString()).isEqualTo(parked);
                    assertThat(list.json().get(0).get("letters").size()).as(list.toString()).isEqualTo(2);
                });
                Response list = api.get("admin-kaifaqu", "/api/admin/publishing/dead-letters");
                assertThat(list.json().get(0).get("letters").get(0).get("type").asString()).isEqualTo("RequestReceived");
                assertThat(list.json().get(0).get("letters").get(0).get("sequence").asLong()).isZero();
                assertThat(list.json().get(0).get("letters").get(0).get("causeType").asString())
                        .isEqualTo(UnpublishableMessage.class.getName());
                assertThat(list.json().get(0).get("letters").get(1).get("type").asString()).isEqualTo("RequestWithdrawn");
                assertThat(list.body()).doesNotContain("张三", "410102199001011234", "13800000000");
                assertThat(TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), parked)).isEmpty();
                assertThat(meters.get(DeadLetterConfiguration.DEAD_LETTERS_METRIC).counter().count()).isEqualTo(1.0);
                assertThat(meters.get(DeadLetters.QUEUED_METRIC).gauge().value()).isEqualTo(2.0);

                // and another agency's administrator neither sees nor retries them, nor does a handler
                assertThat(api.get("admin-yicheng", "/api/admin/publishing/dead-letters").json().size()).isZero();
                assertThat(api.post("admin-yicheng", "/api/admin/publishing/dead-letters/" + parked + "/retry", "{}")
                        .status()).isEqualTo(404);
                assertThat(api.get("handler-kaifaqu", "/api/admin/publishing/dead-letters").status()).isEqualTo(403);

                // when the administrator retries before the limit is raised, the letters stay
                Response failed = api.post("admin-kaifaqu", "/api/admin/publishing/dead-letters/" + parked + "/retry", "{}");
                assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
                assertThat(failed.json().get("published").asInt()).isZero();
                assertThat(failed.json().get("remaining").get(0).get("letters").size()).isEqualTo(2);

                // when the limit is raised and the administrator retries
                setMaxMessageBytes(admin, 1024 * 1024);
                Response retried = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(
                        () -> api.post("admin-kaifaqu", "/api/admin/publishing/dead-letters/retry", "{}"),
                        response -> response.status() == 200 && response.json().get("published").asInt() == 1);
                assertThat(retried.json().get("remaining").size()).as(retried.toString()).isZero();

                // then both of its messages are published, in order, and the queue is empty
                List<Message> messages = TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), parked);
                assertThat(messages).extracting(message -> message.json().get("sequence").asString())
                        .containsExactly("%019d".formatted(0), "%019d".formatted(1));
                assertThat(messages).allSatisfy(message -> MessageContract.assertValid(message.json()));
                assertThat(meters.get(DeadLetters.QUEUED_METRIC).gauge().value()).isZero();
                assertThat(meters.get(DeadLetterConfiguration.DEAD_LETTERS_METRIC).counter().count()).isEqualTo(1.0);

                // and the application's events flow again as usual
                Response archived = api.post("handler-kaifaqu", "/api/requests/" + parked + "/archive",
                        date("archivedOn", today));
                if (archived.status() == 200) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.ofApplication(
                            TopicReader.readAll(kafka.bootstrapServers(), TOPIC), parked), published -> published.size() == 3);
                }
            }
        }
    }

    private static void setMaxMessageBytes(Admin admin, int bytes) throws InterruptedException, ExecutionException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                new ConfigEntry("max.message.bytes", String.valueOf(bytes)), AlterConfigOp.OpType.SET)))).all().get();
    }

    /** Waits until the broker applies the lowered limit: a copy of a registration's message is rejected. */
    private static void awaitRejected(String bootstrapServers, Message probe) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, "probe-" + UUID.randomUUID()
                        .toString().substring(6), probe.value().getBytes(StandardCharsets.UTF_8));
                record.headers().add(new RecordHeader("content-type",
                        CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                try {
                    producer.send(record).get();
                    return false;
                } catch (ExecutionException e) {
                    return e.getCause() instanceof RecordTooLargeException;
                }
            });
        }
    }

    private static String register(Api api, LocalDate today) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asString();
    }

    private static void withdraw(Api api, String id, LocalDate today) {
        Response withdrawn = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal", date("withdrawnOn", today));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return TestService.start(bootstrapServers,
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=2",
                "--gongkai.kafka.properties.delivery.timeout.ms=5000",
                "--gongkai.kafka.properties.request.timeout.ms=4000",
                "--gongkai.kafka.properties.linger.ms=0");
    }
}
