package cn.gongkai.ledger.publishing;

import java.util.UUID;

/**
 * The message of one event that Kafka will not take however often it is sent: larger than the
 * producer's {@code max.request.size} or the topic's {@code max.message.bytes}, or rejected by the
 * broker with another non-retriable error about that record. The only failure that the
 * {@code kafka-publisher} group dead-letters (see {@link DeadLetterConfiguration}); every other
 * failure rolls the batch back and is retried.
 *
 * <p>The message names the event, the application and the sequence, never the event's content.
 */
final class UnpublishableMessage extends RuntimeException {

    private final String eventId;
    private final UUID requestId;
    private final long sequence;
    private final String reason;

    UnpublishableMessage(String eventId, UUID requestId, long sequence, String reason) {
        super("the message of event " + eventId + " (application " + requestId + ", sequence " + sequence
                + ") cannot be published: " + reason);
        this.eventId = eventId;
        this.requestId = requestId;
        this.sequence = sequence;
        this.reason = reason;
    }

    String eventId() {
        return eventId;
    }

    UUID requestId() {
        return requestId;
    }

    long sequence() {
        return sequence;
    }

    String reason() {
        return reason;
    }
}
