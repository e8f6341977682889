package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes every event of every application to Kafka. The event store is the outbox: there is
 * no second write in the command's transaction, only this streaming processor reading the events.
 *
 * <p>Each event of a batch is sent asynchronously; before the batch's unit of work commits, and
 * with it the processor's token, the publisher flushes the producer and waits for every send of
 * the batch. If any one failed, the batch fails: the transaction rolls back, the token stays, and
 * the processor (which propagates errors, see {@code ProjectionFailureConfiguration}) claims the
 * segment again after a back-off and sends the batch again. Nothing Kafka did not acknowledge is
 * ever skipped; a message that was acknowledged in a failed batch is sent again, so delivery is
 * at least once. Consumers apply an application's message only if its {@code sequence} is the next
 * one expected and skip the rest: duplicates, and a message that got ahead of a failed earlier one
 * (it comes again, in order, with the retried batch).
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final String PENDING_SENDS = KafkaPublisher.class.getName() + ".pendingSends";

    private final Producer<String, byte[]> producer;
    private final PublishedRequests requests;
    private final RequestMessages messages;

    KafkaPublisher(Producer<String, byte[]> producer, PublishedRequests requests, PublishingProperties settings) {
        this.producer = producer;
        this.requests = requests;
        this.messages = new RequestMessages(settings.schemaBase());
    }

    @EventHandler
    void on(RequestEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        RegisteredRequest request = event instanceof RequestReceived received
                ? requests.register(received)
                : requests.find(event.requestId()).orElseThrow(() -> new IllegalStateException(
                        "no registration seen for application " + event.requestId() + " before its event "
                                + sequenceNumber));
        BatchSends sends = batchSends();
        sends.failIfAnyFailed();
        sends.add(producer.send(messages.record(event, message.getIdentifier(), sequenceNumber,
                message.getTimestamp(), message.getMetaData(), request), sends::completed));
    }

    /** The sends of the current batch, awaited once before the batch commits. */
    private BatchSends batchSends() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            BatchSends sends = new BatchSends();
            batch.onPrepareCommit(unitOfWork -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(BatchSends sends) {
        producer.flush();
        for (Future<RecordMetadata> send : sends.futures) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw sends.failed(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw sends.failed(e);
            }
        }
    }

    /**
     * One batch's sends. Once one has failed, the batch sends nothing more: a later event of the
     * same application must not reach Kafka ahead of an earlier one that did not (the retry sends
     * both again, in order).
     */
    private static final class BatchSends {

        private final List<Future<RecordMetadata>> futures = new ArrayList<>();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        void add(Future<RecordMetadata> send) {
            futures.add(send);
        }

        void completed(RecordMetadata metadata, Exception failure) {
            if (failure != null) {
                firstFailure.compareAndSet(null, failure);
            }
        }

        void failIfAnyFailed() {
            Exception failure = firstFailure.get();
            if (failure != null) {
                throw failed(failure);
            }
        }

        PublishingFailed failed(Throwable cause) {
            log.warn("Kafka did not acknowledge a batch of {} messages ({}); the batch is rolled back and"
                    + " will be sent again", futures.size(), cause.toString());
            return new PublishingFailed(futures.size(), cause);
        }
    }

    /** A batch that Kafka did not acknowledge completely; its token does not move. */
    static final class PublishingFailed extends RuntimeException {

        PublishingFailed(int batchSize, Throwable cause) {
            super("Kafka did not acknowledge a batch of " + batchSize + " messages", cause);
        }
    }
}
