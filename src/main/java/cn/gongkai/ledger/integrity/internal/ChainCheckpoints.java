package cn.gongkai.ledger.integrity.internal;

import cn.gongkai.ledger.integrity.ChainHead;
import cn.gongkai.ledger.publishing.CloudEvent;
import cn.gongkai.ledger.publishing.CloudEvents;
import cn.gongkai.ledger.publishing.PublishingProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the chain's head to {@value #TOPIC} (key {@value #KEY}), every
 * {@code gongkai.integrity.checkpoint-interval} when it has moved, and on demand: a party outside the
 * database then holds a hash that any later rewrite of the chain up to that link would have to
 * match. Each checkpoint is a CloudEvent (structured mode) of type {@value #TYPE}; the schemas are
 * {@code schemas/integrity/}. Only ids, positions, hashes and times: no event content.
 *
 * <p>Sent with the publishing module's Kafka kit: its one producer (idempotent, {@code acks=all}, on the
 * brokers and security settings of {@code gongkai.kafka.*}, {@link PublishingProperties}) and its one
 * envelope ({@link CloudEvent}, written by {@link CloudEvents}).
 */
@Component
class ChainCheckpoints {

    static final String TOPIC = "gongkai.audit-chain.v1";
    static final String KEY = "chain";
    static final String TYPE = "cn.gongkai.ledger.integrity.ChainCheckpoint.v1";
    static final String DATA_SCHEMA = "integrity/ChainCheckpoint.v1.json";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final URI schemaBase;
    private final Producer<String, byte[]> producer;
    private volatile String lastPublishedHash;

    ChainCheckpoints(JdbcClient jdbc, Clock clock, Producer<String, byte[]> producer, PublishingProperties kafka) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schemaBase = kafka.schemaBase();
        this.producer = producer;
    }

    /** What was published where. */
    // named apart from the published annual tables in the API description
    @Schema(name = "ChainCheckpoint")
    record Published(String topic, int partition, long offset, ChainHead checkpoint) {
    }

    /** The current head, as stored; empty before the first event. */
    Optional<ChainHead> head() {
        return jdbc.sql("select position, global_index, event_identifier, hash, chained_at from integrity_chain"
                        + " order by position desc limit 1")
                .query((row, n) -> new ChainHead(row.getLong("position"), row.getLong("global_index"),
                        row.getString("event_identifier"), ChainHash.hex(row.getBytes("hash")),
                        row.getObject("chained_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Publishes the head when it moved since the last checkpoint of this instance; Kafka trouble is retried next time. */
    @Scheduled(fixedDelayString = "${gongkai.integrity.checkpoint-interval:PT60S}",
            initialDelayString = "${gongkai.integrity.checkpoint-interval:PT60S}")
    void publishIfMoved() {
        try {
            head().filter(head -> !head.hash().equals(lastPublishedHash)).ifPresent(this::publish);
        } catch (RuntimeException e) {
            log.warn("Could not publish the chain's checkpoint to {} ({}); trying again at the next interval", TOPIC,
                    e.toString());
        }
    }

    /** Publishes the current head now and waits for Kafka's acknowledgement; empty if the chain has no link. */
    Optional<Published> publishNow() {
        return head().map(this::publish);
    }

    private Published publish(ChainHead head) {
        ProducerRecord<String, byte[]> record = CloudEvents.record(TOPIC, KEY, envelope(head,
                UUID.randomUUID().toString(), clock.instant()));
        try {
            RecordMetadata sent = producer.send(record).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            lastPublishedHash = head.hash();
            log.info("Chain checkpoint published: position {}, global index {}, hash {} ({}-{}@{})", head.position(),
                    head.globalIndex(), head.hash(), sent.topic(), sent.partition(), sent.offset());
            return new Published(sent.topic(), sent.partition(), sent.offset(), head);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the chain's checkpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the chain's checkpoint", e);
        }
    }

    /** The checkpoint of {@code head} as a CloudEvent; only {@code schemaversion} as an extension. */
    CloudEvent<ChainCheckpointV1> envelope(ChainHead head, String id, Instant now) {
        return new CloudEvent<>(id, "/gongkai-ledger/integrity/chain", TYPE, KEY, now.toString(),
                schemaBase.resolve(DATA_SCHEMA).toString(), CloudEvent.extensions("schemaversion", "1"),
                new ChainCheckpointV1(head.position(), head.globalIndex(), head.eventId(), head.hash(),
                        head.chainedAt().toString()));
    }

    /** The data: the head link. {@code hash} is 64 lowercase hex digits, {@code chainedAt} RFC 3339 UTC. */
    record ChainCheckpointV1(long position, long globalIndex, String eventId, String hash, String chainedAt) {
    }
}
