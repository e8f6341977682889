package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.processing.ParkedLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The publisher's dead letters, kept by {@link ParkedLetters} like every other group's, under the
 * paths {@code /api/admin/publishing/dead-letters} that predate the other groups' queues. A
 * sequence is one application: the message that could not be published first, then the later
 * events of the same application that wait behind it. Retrying a sequence publishes its letters
 * in order, each sent and acknowledged before the next; it stops at the first that fails again.
 *
 * <p>Also the gauge {@code gongkai.publishing.dead_letters.queued}: letters in the queue.
 */
@Component("publishingDeadLetters") // "deadLetters" is the health indicator of module processing
class DeadLetters {

    static final String QUEUED_METRIC = DeadLetterConfiguration.DEAD_LETTERS_METRIC + ".queued";

    private final ParkedLetters letters;

    DeadLetters(ParkedLetters letters, MeterRegistry meters) {
        this.letters = letters;
        Gauge.builder(QUEUED_METRIC, this, DeadLetters::queuedOrNaN)
                .description("letters in the kafka-publisher dead-letter queue, held-back ones included")
                .register(meters);
    }

    /** The sequences of one agency's applications. */
    List<ParkedLetters.Sequence> ofAgency(String agencyId) {
        return letters.ofAgency(KafkaPublisher.PROCESSING_GROUP, agencyId);
    }

    /** One application's sequence, if it has one and the application is of that agency. */
    Optional<ParkedLetters.Sequence> find(String agencyId, String sequenceId) {
        return letters.find(KafkaPublisher.PROCESSING_GROUP, agencyId, sequenceId);
    }

    /** Publishes the sequence's letters in order; whether all were published. */
    boolean retry(String sequenceId, String administrator) {
        return letters.retry(KafkaPublisher.PROCESSING_GROUP, sequenceId, administrator);
    }

    long size() {
        return letters.size(KafkaPublisher.PROCESSING_GROUP);
    }

    private double queuedOrNaN() {
        try {
            return size();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
