package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.access.ActorMetaData;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The publisher's dead letters as an administrator sees them, and their retry. A sequence is one
 * application (its id is the application's id): the message that could not be published first,
 * then the later events of the same application that wait behind it. Retrying a sequence runs the
 * publisher's handler again for its letters in order, each sent and acknowledged before the next;
 * it stops at the first one that fails again, which stays parked with the new cause.
 *
 * <p>Also the gauge {@code gongkai.publishing.dead_letters.queued}: letters in the queue.
 */
@Component
class DeadLetters {

    static final String QUEUED_METRIC = DeadLetterConfiguration.DEAD_LETTERS_METRIC + ".queued";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;

    DeadLetters(ObjectProvider<EventProcessingConfiguration> processing, MeterRegistry meters) {
        this.processing = processing;
        Gauge.builder(QUEUED_METRIC, this, DeadLetters::queuedOrNaN)
                .description("letters in the kafka-publisher dead-letter queue, held-back events included")
                .register(meters);
    }

    /** One parked message, without its content. */
    record Letter(String eventId, long sequence, String type, Instant enqueuedAt, Instant lastTouched,
                  String causeType, String causeMessage) {
    }

    /** One application's parked messages, in order. */
    record Sequence(String sequenceId, String agencyId, List<Letter> letters) {
    }

    /** The sequences of one agency's applications. */
    List<Sequence> ofAgency(String agencyId) {
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            Sequence read = read(sequence);
            if (read != null && agencyId.equals(read.agencyId())) {
                sequences.add(read);
            }
        }
        return sequences;
    }

    /** One application's sequence, if it has one and the application is of that agency. */
    Optional<Sequence> find(String agencyId, String sequenceId) {
        if (!queue().contains(sequenceId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(queue().deadLetterSequence(sequenceId)))
                .filter(sequence -> agencyId.equals(sequence.agencyId()));
    }

    /**
     * Publishes the sequence's letters in order. Returns whether all were published; if not, the
     * first that failed and those after it stay in the queue.
     */
    boolean retry(String sequenceId, String administrator) {
        boolean published = processor().process(letter -> sequenceId.equals(sequenceIdOf(letter)));
        if (published) {
            log.info("dead letters of application {} published on retry by {}", sequenceId, administrator);
        } else {
            log.warn("dead letters of application {} retried by {}: not all published, the rest stay parked",
                    sequenceId, administrator);
        }
        return published;
    }

    long size() {
        return queue().size();
    }

    private double queuedOrNaN() {
        try {
            return size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Sequence read(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        String sequenceId = null;
        String agencyId = null;
        List<Letter> letters = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            EventMessage<?> message = letter.message();
            if (sequenceId == null) {
                sequenceId = sequenceIdOf(letter);
                agencyId = Objects.toString(message.getMetaData().get(ActorMetaData.AGENCY), null);
            }
            letters.add(new Letter(
                    message.getIdentifier(),
                    message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1,
                    message.getPayloadType().getSimpleName(),
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    letter.cause().map(Cause::type).orElse(null),
                    letter.cause().map(Cause::message).orElse(null)));
        }
        return sequenceId == null ? null : new Sequence(sequenceId, agencyId, letters);
    }

    /** The application a letter belongs to: the queue is sequenced per aggregate, the application. */
    private static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.getObject().deadLetterQueue(KafkaPublisher.PROCESSING_GROUP)
                .orElseThrow(DeadLetters::notEnabled);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
        return processing.getObject().sequencedDeadLetterProcessor(KafkaPublisher.PROCESSING_GROUP)
                .orElseThrow(DeadLetters::notEnabled);
    }

    private static IllegalStateException notEnabled() {
        return new IllegalStateException("the kafka-publisher processing group has no dead-letter queue: set"
                + " axon.eventhandling.processors.kafka-publisher.dlq.enabled=true");
    }
}
