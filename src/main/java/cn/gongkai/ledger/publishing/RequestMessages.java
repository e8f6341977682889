package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.requests.events.RequestEvent;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns an event of an application into its Kafka record on {@value #TOPIC}: key = the
 * application's id, so that one application's messages stay in one partition and in order; value =
 * a CloudEvent in structured mode of the CloudEvents Kafka binding.
 *
 * <p>Structured mode only: the attributes travel in the value, and the only header is
 * {@code content-type}, which tells a CloudEvents reader the mode. {@code ce_*} headers would be
 * binary mode; carrying both would give every attribute two places that could disagree.
 */
final class RequestMessages {

    static final String TOPIC = "gongkai.requests.v1";
    static final String SCHEMA_VERSION = "1";
    static final String TYPE_PREFIX = "cn.gongkai.ledger.request.";

    private final URI schemaBase;
    /** Per event type, its message type and schema address: computed once, not for every message. */
    private final ClassValue<Names> names = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> eventType) {
            String type = eventType.getSimpleName();
            return new Names(TYPE_PREFIX + type + ".v" + SCHEMA_VERSION,
                    schemaBase.resolve("requests/" + type + ".v" + SCHEMA_VERSION + ".json").toString());
        }
    };

    private record Names(String type, String dataSchema) {
    }

    RequestMessages(URI schemaBase) {
        this.schemaBase = schemaBase;
    }

    ProducerRecord<String, byte[]> record(RequestEvent event, String eventId, long sequence, Instant recordedAt,
                                          Map<String, ?> metaData, RegisteredRequest request) {
        return CloudEvents.record(TOPIC, event.requestId().toString(),
                envelope(event, eventId, sequence, recordedAt, metaData, request));
    }

    /**
     * The CloudEvent; {@code sequence} is the event's position in its application's stream, zero-padded
     * to 19 digits so that string order is numeric order, as the CloudEvents sequence extension asks.
     */
    CloudEvent<MessageData> envelope(RequestEvent event, String eventId, long sequence, Instant recordedAt,
                                     Map<String, ?> metaData, RegisteredRequest request) {
        Names names = this.names.get(event.getClass());
        String requestId = request.requestId().toString();
        return new CloudEvent<>(
                eventId,
                "/gongkai-ledger/agencies/" + request.agencyId() + "/requests/" + requestId,
                names.type(),
                requestId,
                recordedAt.toString(),
                names.dataSchema(),
                CloudEvent.extensions(
                        "agencyid", request.agencyId(),
                        "requestid", requestId,
                        "registrationnumber", request.registrationNumber(),
                        "sequence", sequence(sequence),
                        "businessdate", event.businessDate().toString(),
                        "actorrole", actorRole(metaData),
                        "schemaversion", SCHEMA_VERSION),
                MessageData.of(event));
    }

    /** The CloudEvents {@code sequence}: zero-padded to 19 digits, so that string order is numeric order. */
    static String sequence(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a sequence number is never negative: " + sequence);
        }
        String digits = Long.toString(sequence);
        return "0".repeat(19 - digits.length()) + digits;
    }

    /** The acting user's roles ({@code HANDLER,REVIEWER}), {@code SYSTEM} for a system job; never who it was. */
    static String actorRole(Map<String, ?> metaData) {
        Object username = metaData.get(ActorMetaData.USERNAME);
        if (username != null && username.toString().startsWith("system:")) {
            return "SYSTEM";
        }
        Object roles = metaData.get(ActorMetaData.ROLES);
        return roles == null || roles.toString().isBlank() ? "NONE" : roles.toString();
    }
}
