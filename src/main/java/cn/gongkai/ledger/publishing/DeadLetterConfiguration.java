package cn.gongkai.ledger.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code kafka-publisher} group's dead-letter queue: Axon's JDBC queue
 * ({@code axon.eventhandling.processors.kafka-publisher.dlq.enabled=true}) in the table
 * {@code dead_letter_entry} of Flyway's {@code V9__dead_letters.sql}, sequenced per application
 * (the processor's default per-aggregate sequencing), so that a parked message holds back only
 * its own application's later events. The queue is kept like every other group's by module
 * {@code processing}; this policy replaces that module's for this group (registered after it).
 *
 * <p>Only an {@link UnpublishableMessage} is dead-lettered. Any other failure of the handler is
 * thrown on, so that the batch rolls back and is sent again, exactly as without a queue: a broker
 * that is away for minutes must delay messages, never park them.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    static final String DEAD_LETTERS_METRIC = "gongkai.publishing.dead_letters";

    @Bean
    ConfigurerModule publishingDeadLetterPolicy(MeterRegistry meters) {
        Counter deadLettered = Counter.builder(DEAD_LETTERS_METRIC)
                .description("messages Kafka would not take, put in the kafka-publisher dead-letter queue")
                .register(meters);
        EnqueuePolicy<EventMessage<?>> policy = new OnlyUnpublishableMessages(deadLettered);
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDeadLetterPolicy(KafkaPublisher.PROCESSING_GROUP, config -> policy));
    }

    /** Dead-letters an {@link UnpublishableMessage}; throws every other failure on, out of the batch. */
    static final class OnlyUnpublishableMessages implements EnqueuePolicy<EventMessage<?>> {

        private static final Logger log = LoggerFactory.getLogger(OnlyUnpublishableMessages.class);

        private final Counter deadLettered;

        OnlyUnpublishableMessages(Counter deadLettered) {
            this.deadLettered = deadLettered;
        }

        @Override
        public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
            // a letter read from the queue is being retried; a new one comes from the event stream
            boolean retried = letter instanceof JdbcDeadLetter<?>;
            if (cause instanceof UnpublishableMessage unpublishable) {
                if (retried) {
                    log.warn("Dead letter of event {} (application {}, sequence {}) still cannot be published: {};"
                                    + " it stays in the dead-letter queue", unpublishable.eventId(),
                            unpublishable.requestId(), unpublishable.sequence(), unpublishable.reason());
                } else {
                    deadLettered.increment();
                    log.error("DEAD LETTER: the message of event {} (application {}, sequence {}) cannot be published"
                                    + " to Kafka: {}. It is in the dead-letter queue of {}, and the application's later"
                                    + " events wait behind it; an administrator retries it with"
                                    + " POST /api/admin/publishing/dead-letters/{}/retry",
                            unpublishable.eventId(), unpublishable.requestId(), unpublishable.sequence(),
                            unpublishable.reason(), KafkaPublisher.PROCESSING_GROUP, unpublishable.requestId());
                }
                return Decisions.enqueue(ThrowableCause.truncated(unpublishable));
            }
            if (retried) {
                log.warn("Retrying the dead letter of event {} failed ({}); it stays in the dead-letter queue",
                        letter.message().getIdentifier(), cause.toString());
                return Decisions.requeue(ThrowableCause.truncated(cause));
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("publishing event " + letter.message().getIdentifier() + " failed", cause);
        }
    }
}
