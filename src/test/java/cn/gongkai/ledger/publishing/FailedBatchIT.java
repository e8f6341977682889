package cn.gongkai.ledger.publishing;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.requests.events.RequestEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.common.Priority;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The publisher's batch fails after Kafka acknowledged its messages (as when the service dies
 * between the acknowledgement and the commit of the token): the batch is sent again, so messages
 * appear twice, and a consumer following the README's rule still gets every event once, in order.
 */
class FailedBatchIT {

    private static final String TOPIC = "gongkai.requests.v1";

    /**
     * Joins the publisher's processing group, after the publisher ({@link Priority#LAST}), and
     * fails the first batch just before it commits, when the publisher has already waited for
     * Kafka's acknowledgements. Registered as a source of the test's context only, not scanned.
     */
    @ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
    @Priority(Priority.LAST)
    static class CrashBeforeCommit {

        static final AtomicInteger CRASHES = new AtomicInteger();

        @EventHandler
        void on(RequestEvent event) {
            var batch = CurrentUnitOfWork.get().root();
            batch.getOrComputeResource(CrashBeforeCommit.class.getName(), key -> {
                batch.onPrepareCommit(unitOfWork -> {
                    if (CRASHES.get() == 0) {
                        CRASHES.incrementAndGet();
                        throw new IllegalStateException("simulated crash after Kafka acknowledged the batch");
                    }
                });
                return Boolean.TRUE;
            });
        }
    }

    @Test
    void aBatchThatFailsAfterItsAcknowledgementIsSentAgainAndNothingIsMissingOrOutOfOrder() {
        try (ConfigurableApplicationContext service = start()) {
            Api api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
            LocalDate today = BusinessClock.today(service.getBean(Clock.class));

            // given applications registered and some withdrawn, the publisher's first batch failing once
            Map<String, Integer> expected = new LinkedHashMap<>();
            for (int i = 0; i < 4; i++) {
                Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(1)));
                assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
                String id = registered.json().get("requestId").asString();
                expected.put(id, 1);
                if (i % 2 == 1) {
                    Response withdrawn = api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal",
                            date("withdrawnOn", today));
                    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
                    expected.put(id, 2);
                }
            }

            // when the publisher's token has passed every event: only the retried batch commits it, so
            // the messages of the failed first attempt and of the retry are both in the topic by then
            JdbcClient jdbc = JdbcClient.create(service.getBean(DataSource.class));
            await().atMost(Duration.ofSeconds(60)).until(() -> PublisherProgress.position(jdbc),
                    position -> position >= PublisherProgress.lastGlobalIndex(jdbc));
            List<Message> all = TopicReader.readAll(TestKafka.shared().bootstrapServers(), TOPIC);

            // then the failed batch was sent twice, and the consumer rule yields each application's events once, in order
            assertThat(CrashBeforeCommit.CRASHES).hasValue(1);
            List<String> ids = new ArrayList<>();
            expected.forEach((id, count) -> {
                List<Message> messages = TopicReader.ofApplication(all, id);
                messages.forEach(message -> ids.add(message.json().get("id").asString()));
                assertThat(appliedInOrder(messages)).as(id).containsExactlyElementsOf(
                        count == 2 ? List.of(0L, 1L) : List.of(0L));
            });
            assertThat(ids).as("the first batch's messages, sent again").hasSizeGreaterThan((int) ids.stream().distinct().count());
        }
    }

    /** The README's consumer rule, as in {@code BrokerOutageIT}. */
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

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class, CrashBeforeCommit.class)
                .profiles("test")
                .run(TestDatabase.arguments(TestDatabase.newDatabaseUrl(),
                        "--server.port=0",
                        "--gongkai.kafka.bootstrap-servers=" + TestKafka.shared().bootstrapServers(),
                        "--axon.eventhandling.processors.kafka-publisher.initial-segment-count=1"));
    }
}
