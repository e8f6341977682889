package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * What is dead-lettered and what is retried: only a message Kafka will never take is parked;
 * a passing failure is thrown on so that the batch rolls back, as without a queue.
 */
class DeadLetterPolicyTest {

    private static final RequestWithdrawn WITHDRAWN = (RequestWithdrawn) MessageContractTest.samples()
            .filter(RequestWithdrawn.class::isInstance).findFirst().orElseThrow();
    private static final DomainEventMessage<RequestWithdrawn> MESSAGE = new GenericDomainEventMessage<>(
            "InformationRequest", WITHDRAWN.requestId().toString(), 3, WITHDRAWN,
            MetaData.with("actor", "handler-kaifaqu").and("agency", "kaifaqu").and("roles", "HANDLER"));

    private final Counter counter = new SimpleMeterRegistry().counter(DeadLetterConfiguration.DEAD_LETTERS_METRIC);
    private final DeadLetterConfiguration.OnlyUnpublishableMessages policy =
            new DeadLetterConfiguration.OnlyUnpublishableMessages(counter);

    @Test
    void onlyRecordSpecificRejectionsAreFinal() {
        assertThat(KafkaPublisher.rejectsTheRecord(new RecordTooLargeException("too large"))).isTrue();
        assertThat(KafkaPublisher.rejectsTheRecord(new InvalidRecordException("invalid"))).isTrue();
        assertThat(KafkaPublisher.rejectsTheRecord(new TimeoutException("expired"))).isFalse();
        assertThat(KafkaPublisher.rejectsTheRecord(new NetworkException("lost"))).isFalse();
        assertThat(KafkaPublisher.rejectsTheRecord(new NotLeaderOrFollowerException("moved"))).isFalse();
        assertThat(KafkaPublisher.rejectsTheRecord(new TopicAuthorizationException("denied"))).isFalse();
    }

    @Test
    void anUnpublishableMessageIsDeadLetteredAndCounted() {
        UnpublishableMessage cause = new UnpublishableMessage(MESSAGE.getIdentifier(), WITHDRAWN.requestId(), 3, "too large");

        EnqueueDecision<EventMessage<?>> decision = policy.decide(new GenericDeadLetter<>(
                WITHDRAWN.requestId().toString(), MESSAGE, cause), cause);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).get().extracting(Throwable::getMessage).asString()
                .contains(MESSAGE.getIdentifier(), WITHDRAWN.requestId().toString(), "sequence 3", "too large");
        assertThat(counter.count()).isEqualTo(1.0);
    }

    @Test
    void anyOtherFailureOfTheEventStreamIsThrownOnSoThatTheBatchIsRetried() {
        KafkaPublisher.PublishingFailed cause = new KafkaPublisher.PublishingFailed(4, new TimeoutException("expired"));

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>(WITHDRAWN.requestId().toString(), MESSAGE, cause),
                cause)).isSameAs(cause);
        assertThat(counter.count()).isZero();
    }

    @Test
    void aRetriedLetterThatFailsAgainStaysInTheQueueWhateverTheFailure() {
        JdbcDeadLetter<EventMessage<?>> queued = new JdbcDeadLetter<>(UUID.randomUUID().toString(), 0,
                WITHDRAWN.requestId().toString(), Instant.now(), Instant.now(), null, MetaData.emptyInstance(), MESSAGE);

        assertThat(policy.decide(queued, new KafkaPublisher.PublishingFailed(1, new TimeoutException("expired")))
                .shouldEnqueue()).isTrue();
        assertThat(policy.decide(queued, new UnpublishableMessage(MESSAGE.getIdentifier(), WITHDRAWN.requestId(), 3,
                "too large")).shouldEnqueue()).isTrue();
        assertThat(counter.count()).as("counted once, when first parked").isZero();
    }

    @Test
    void aMessageOverTheProducersMaxRequestSizeIsRefusedBeforeItIsSent() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        KafkaPublisher small = publisher(producer, "300");
        KafkaPublisher usual = publisher(producer, null);

        assertThatThrownBy(() -> handle(small, WITHDRAWN))
                .isInstanceOf(UnpublishableMessage.class)
                .hasMessageContaining(MESSAGE.getIdentifier())
                .hasMessageContaining("max.request.size of 300 bytes");
        assertThat(producer.history()).isEmpty();

        handle(usual, WITHDRAWN);
        assertThat(producer.history()).hasSize(1);
    }

    private static void handle(KafkaPublisher publisher, RequestEvent event) {
        DefaultUnitOfWork.startAndGet(MESSAGE).execute(() -> publisher.on(event, MESSAGE, MESSAGE.getSequenceNumber()));
    }

    private static KafkaPublisher publisher(MockProducer<String, byte[]> producer, String maxRequestSize) {
        PublishedRequests requests = new PublishedRequests(null) {
            @Override
            Optional<RegisteredRequest> find(UUID requestId) {
                return Optional.of(new RegisteredRequest(requestId, "kaifaqu", "2026-0042"));
            }
        };
        return new KafkaPublisher(producer, requests, new PublishingProperties("localhost:9092",
                maxRequestSize == null ? Map.of() : Map.of("max.request.size", maxRequestSize),
                URI.create(MessageContract.SCHEMA_BASE), null));
    }
}
