package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.deadletter.DeadLetter;
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
 *
 * <p>A message that Kafka will never take (too large, or rejected by the broker with a
 * non-retriable error about that record) must not stop everything. Such a failure is made visible
 * in the handler as an {@link UnpublishableMessage}, which the group's dead-letter queue parks,
 * together with the later events of the same application (see {@link DeadLetterConfiguration}):
 * a message over the producer's {@code max.request.size} is refused before it is sent; a broker
 * rejection, known only when the batch's acknowledgements are awaited, fails the batch as any
 * failure does, and the event is remembered so that, when the batch is sent again, its handler
 * throws {@link UnpublishableMessage} instead of sending it. Timeouts, lost connections and every
 * other failure keep rolling the batch back and retrying. An administrator's retry of a dead letter
 * ({@link DeadLetters}) runs this handler again, and then it sends the message and waits for its
 * acknowledgement at once.
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
    private final int maxRequestSize;
    /**
     * Events whose message the broker rejected for good, by event id, with the reason: when their
     * failed batch is sent again, they are dead-lettered instead of sent. In memory: the batch is
     * retried by this instance within seconds; another instance that claims the segment instead
     * learns the same by sending once more.
     */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    KafkaPublisher(Producer<String, byte[]> producer, PublishedRequests requests, PublishingProperties settings) {
        this.producer = producer;
        this.requests = requests;
        this.messages = new RequestMessages(settings.schemaBase());
        this.maxRequestSize = ProducerConfiguration.maxRequestSize(settings);
    }

    @EventHandler
    void on(RequestEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        RegisteredRequest request = event instanceof RequestReceived received
                ? requests.register(received)
                : requests.find(event.requestId()).orElseThrow(() -> new IllegalStateException(
                        "no registration seen for application " + event.requestId() + " before its event "
                                + sequenceNumber));
        String eventId = message.getIdentifier();
        ProducerRecord<String, byte[]> record = messages.record(event, eventId, sequenceNumber,
                message.getTimestamp(), message.getMetaData(), request);
        if (retryingADeadLetter()) {
            rejected.remove(eventId);
            checkSize(record, eventId, event.requestId(), sequenceNumber);
            publishNow(record, eventId, event.requestId(), sequenceNumber);
            return;
        }
        BatchSends sends = batchSends();
        sends.failIfAnyFailed();
        String rejection = rejected.remove(eventId);
        if (rejection != null) {
            throw new UnpublishableMessage(eventId, event.requestId(), sequenceNumber, rejection);
        }
        checkSize(record, eventId, event.requestId(), sequenceNumber);
        UUID requestId = event.requestId();
        sends.add(producer.send(record, (metadata, failure) ->
                sends.completed(failure, eventId, requestId, sequenceNumber)));
    }

    /** Whether this handler runs for Axon's processing of a dead letter rather than for the event stream. */
    private static boolean retryingADeadLetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    /** Refuses, before sending, a record that the producer would refuse as larger than {@code max.request.size}. */
    private void checkSize(ProducerRecord<String, byte[]> record, String eventId, UUID requestId, long sequence) {
        int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                record.key().getBytes(StandardCharsets.UTF_8), record.value(), record.headers().toArray());
        if (size > maxRequestSize) {
            throw new UnpublishableMessage(eventId, requestId, sequence, "the record takes up to " + size
                    + " bytes, more than the producer's max.request.size of " + maxRequestSize + " bytes");
        }
    }

    /** A dead letter's retry: one message, sent and acknowledged before its letter leaves the queue. */
    private void publishNow(ProducerRecord<String, byte[]> record, String eventId, UUID requestId, long sequence) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            if (rejectsTheRecord(e.getCause())) {
                throw new UnpublishableMessage(eventId, requestId, sequence, describe(e.getCause()));
            }
            throw new PublishingFailed(1, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailed(1, e);
        }
    }

    /**
     * Whether Kafka refused this one record for good: sending it again cannot succeed until a limit
     * is raised. Timeouts, lost connections, missing leaders, authorization and every other error
     * are not about the record, and are retried.
     */
    static boolean rejectsTheRecord(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException
                || failure instanceof InvalidTimestampException;
    }

    /** The failure's type and Kafka's own message: about sizes and limits, never the record's content. */
    static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
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
    private final class BatchSends {

        private final List<Future<RecordMetadata>> futures = new ArrayList<>();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        void add(Future<RecordMetadata> send) {
            futures.add(send);
        }

        void completed(Exception failure, String eventId, UUID requestId, long sequence) {
            if (failure == null) {
                return;
            }
            firstFailure.compareAndSet(null, failure);
            if (rejectsTheRecord(failure)) {
                rejected.put(eventId, describe(failure));
                log.warn("Kafka rejected the message of event {} (application {}, sequence {}) for good: {};"
                                + " when its batch is sent again, it goes to the dead-letter queue",
                        eventId, requestId, sequence, describe(failure));
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
