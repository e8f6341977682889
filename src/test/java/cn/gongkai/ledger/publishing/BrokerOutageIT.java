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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Kafka goes away: commands keep working, the publisher's token stays where Kafka last
 * acknowledged, and when the broker returns everything is delivered, each application in order.
 * The service runs on a broker of its own, which the test stops and starts again.
 */
class BrokerOutageIT {

    private static final String TOPIC = "gongkai.requests.v1";

    @Test
    void whileKafkaIsDownCommandsAreAcceptedAndTheTokenStaysThenEverythingIsDeliveredInOrder() {
        try (TestKafka kafka = TestKafka.temporary();
             ConfigurableApplicationContext service = start(kafka.bootstrapServers())) {
            Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            LocalDate today = BusinessClock.today(service.getBean(Clock.class));

            // given one application published while the broker is up
            String before = register(api, today);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), before).size(),
                    size -> size == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> PublisherProgress.position(jdbc),
                    position -> position >= PublisherProgress.lastGlobalIndex(jdbc));
            long acknowledged = PublisherProgress.position(jdbc);

            // when the broker stops, and staff go on working
            kafka.stop();
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                String id = register(api, today);
                expected.put(id, 1);
                if (i % 2 == 0) {
                    Response withdrawn = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal",
                            date("withdrawnOn", today));
                    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
                    expected.put(id, 2);
                }
            }

            // then the commands were accepted and the other projections see them
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    api.get("handler-kaifaqu", "/api/requests?size=50").json().get("total").asLong()).isEqualTo(5));
            // and the publisher's token stays before the unacknowledged events, through several failed attempts
            long firstUnpublished = acknowledged + 1;
            assertThat(PublisherProgress.lastGlobalIndex(jdbc)).isGreaterThanOrEqualTo(firstUnpublished);
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                    .until(() -> PublisherProgress.position(jdbc), position -> position == acknowledged);

            // when the broker returns
            kafka.start();

            // then a consumer following the documented rule gets every event of each application, in order
            List<Message> all = await().atMost(Duration.ofSeconds(90)).until(
                    () -> TopicReader.readAll(kafka.bootstrapServers(), TOPIC),
                    published -> expected.entrySet().stream().allMatch(e ->
                            appliedInOrder(TopicReader.ofApplication(published, e.getKey())).size() == e.getValue()));
            expected.forEach((id, count) -> {
                List<Message> messages = TopicReader.ofApplication(all, id);
                assertThat(appliedInOrder(messages)).as(id).containsExactlyElementsOf(
                        count == 2 ? List.of(0L, 1L) : List.of(0L));
                assertThat(messages).allSatisfy(message -> MessageContract.assertValid(message.json()));
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> PublisherProgress.position(jdbc),
                    position -> position >= PublisherProgress.lastGlobalIndex(jdbc));
        }
    }

    /**
     * The README's consumer rule: apply a message of an application only if its sequence is the next
     * one expected, skip it otherwise (a duplicate, or one that got ahead of a failed earlier one and
     * comes again in order with the retried batch). Returns the sequences applied.
     */
    private static List<Long> appliedInOrder(List<Message> messagesOfOneApplication) {
        List<Long> applied = new ArrayList<>();
        for (Message message : messagesOfOneApplication) {
            long sequence = Long.parseLong(message.json().get("sequence").asString());
            if (sequence == applied.size()) {
                applied.add(sequence);
            }
        }
        return applied;
    }

    private static String register(Api api, LocalDate today) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asString();
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return TestService.start(bootstrapServers,
                // one segment, so that one token says how far the publisher got
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=1",
                // give up on a send within seconds, not the production half minute
                "--gongkai.kafka.properties.delivery.timeout.ms=3000",
                "--gongkai.kafka.properties.request.timeout.ms=1000",
                "--gongkai.kafka.properties.max.block.ms=1000",
                "--gongkai.kafka.properties.linger.ms=0");
    }
}
