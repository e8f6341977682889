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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4, "Must show" (b): the broker stops, 200 applications are registered (and every tenth
 * withdrawn) through the API while it is down, the broker starts again, and every event of all 200
 * applications is delivered: each application in order under the README's consumer rule, none
 * missing. The service runs on a broker and a database of its own.
 */
class BrokerOutage200IT {

    private static final String TOPIC = "gongkai.requests.v1";
    private static final int APPLICATIONS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void twoHundredApplicationsRegisteredWhileKafkaIsDownAreAllDeliveredInOrderWhenItReturns() throws Exception {
        try (TestKafka kafka = TestKafka.temporary();
             ConfigurableApplicationContext service = start(kafka.bootstrapServers())) {
            Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            LocalDate today = BusinessClock.today(service.getBean(Clock.class));

            // given one application published while the broker is up (the topic exists, the publisher is caught up)
            String first = register(api, today);
            await().atMost(Duration.ofSeconds(20)).until(() -> PublisherProgress.position(jdbc), p -> p >= PublisherProgress.lastGlobalIndex(jdbc));
            assertThat(TopicReader.ofApplication(TopicReader.readAll(kafka.bootstrapServers(), TOPIC), first)).hasSize(1);
            long acknowledged = PublisherProgress.position(jdbc);

            // when the broker stops, and 200 applications are registered, every tenth withdrawn too: 220 commands
            kafka.stop();
            long outage = System.nanoTime();
            Map<String, Integer> expected = new LinkedHashMap<>();
            ExecutorService staff = Executors.newFixedThreadPool(4);
            try {
                List<Future<Map.Entry<String, Integer>>> commands = new ArrayList<>();
                for (int i = 0; i < APPLICATIONS; i++) {
                    boolean withdraw = i % 10 == 0;
                    commands.add(staff.submit(() -> {
                        String id = register(api, today);
                        if (withdraw) {
                            Response withdrawn = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal",
                                    date("withdrawnOn", today));
                            assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
                        }
                        return Map.entry(id, withdraw ? 2 : 1);
                    }));
                }
                for (Future<Map.Entry<String, Integer>> command : commands) {
                    Map.Entry<String, Integer> done = command.get();
                    expected.put(done.getKey(), done.getValue());
                }
            } finally {
                staff.shutdown();
            }
            assertThat(expected).hasSize(APPLICATIONS);
            assertThat(eventCount(jdbc, expected.keySet())).isEqualTo(APPLICATIONS + APPLICATIONS / 10);

            // then the token has not moved past what Kafka acknowledged, through at least one failed attempt
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                    .until(() -> PublisherProgress.position(jdbc), position -> position == acknowledged);
            System.out.printf("BrokerOutage200IT: 220 commands accepted, broker down for %.1f s%n",
                    (System.nanoTime() - outage) / 1e9);

            // when the broker returns
            kafka.start();
            long restarted = System.nanoTime();

            // then a consumer following the documented rule gets every event of every application, in order
            List<Message> all = await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(
                    () -> TopicReader.readAll(kafka.bootstrapServers(), TOPIC),
                    published -> delivered(published, expected));
            System.out.printf("BrokerOutage200IT: everything delivered %.1f s after the broker returned; %d messages%n",
                    (System.nanoTime() - restarted) / 1e9, all.size());
            Map<String, List<Message>> byApplication = all.stream().collect(Collectors.groupingBy(Message::key));
            expected.forEach((id, count) -> {
                List<Message> messages = TopicReader.ofApplication(all, id);
                assertThat(appliedInOrder(messages)).as(id).containsExactlyElementsOf(
                        count == 2 ? List.of(0L, 1L) : List.of(0L));
                assertThat(messages).as("one partition per application").extracting(Message::partition).containsOnly(
                        messages.getFirst().partition());
            });
            // none missing: every event the store holds for these applications is in the topic, under its own id
            Map<String, Long> storedSequenceById = storedEvents(jdbc, expected.keySet());
            Map<String, Long> publishedSequenceById = new HashMap<>();
            for (String id : expected.keySet()) {
                for (Message message : byApplication.get(id)) {
                    JsonNode json = message.json();
                    publishedSequenceById.put(json.get("id").asString(), Long.parseLong(json.get("sequence").asString()));
                }
            }
            assertThat(publishedSequenceById).containsAllEntriesOf(storedSequenceById);
            assertThat(publishedSequenceById.keySet()).isEqualTo(storedSequenceById.keySet());
            assertThat(all).allSatisfy(message -> MessageContract.assertValid(message.json()));
        }
    }

    private static boolean delivered(List<Message> published, Map<String, Integer> expected) {
        Map<String, List<Message>> byApplication = published.stream().collect(Collectors.groupingBy(Message::key));
        return expected.entrySet().stream().allMatch(e -> appliedInOrder(
                byApplication.getOrDefault(e.getKey(), List.of())).size() == e.getValue());
    }

    /** The README's consumer rule: apply an application's message only if its sequence is the next one. */
    private static List<Long> appliedInOrder(List<Message> messagesOfOneApplication) {
        List<Long> applied = new ArrayList<>();
        for (Message message : messagesOfOneApplication.stream().sorted(java.util.Comparator.comparingLong(Message::offset)).toList()) {
            long sequence = Long.parseLong(JSON.readTree(message.value()).get("sequence").asString());
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

    private static long eventCount(JdbcClient jdbc, Set<String> applications) {
        return storedEvents(jdbc, applications).size();
    }

    /** Event id → sequence number, of the events the store holds for these applications. */
    private static Map<String, Long> storedEvents(JdbcClient jdbc, Set<String> applications) {
        Map<String, Long> events = new HashMap<>();
        jdbc.sql("select aggregate_identifier, event_identifier, sequence_number from domain_event_entry")
                .query(rs -> {
                    if (applications.contains(rs.getString(1))) {
                        events.put(rs.getString(2), rs.getLong(3));
                    }
                });
        return events;
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return TestService.start(bootstrapServers,
                // one segment, so that one token says how far the publisher got
                "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=1",
                // give up on a send within seconds, not the production half minute
                "--gongkai.kafka.properties.delivery.timeout.ms=2000",
                "--gongkai.kafka.properties.request.timeout.ms=1000",
                "--gongkai.kafka.properties.max.block.ms=1000",
                "--gongkai.kafka.properties.reconnect.backoff.max.ms=500",
                "--gongkai.kafka.properties.linger.ms=0");
    }
}
