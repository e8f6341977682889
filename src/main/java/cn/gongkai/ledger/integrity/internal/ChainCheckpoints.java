package cn.gongkai.ledger.integrity.internal;

import cn.gongkai.ledger.integrity.ChainHead;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the chain's head to {@value #TOPIC} (key {@value #KEY}), every
 * {@code gongkai.integrity.checkpoint-interval} when it has moved, and on demand: a party outside the
 * database then holds a hash that any later rewrite of the chain up to that link would have to
 * match. Each checkpoint is a CloudEvent (structured mode) of type {@value #TYPE}; the schemas are
 * {@code schemas/integrity/}. Only ids, positions, hashes and times: no event content.
 *
 * <p>Its own small producer (idempotent, {@code acks=all}) on the brokers and security settings of
 * {@code gongkai.kafka.*}: the publisher's producer is internal to its module. Not a bean, so that
 * the publisher's producer stays the only one injected by type.
 */
@Component
class ChainCheckpoints implements AutoCloseable {

    static final String TOPIC = "gongkai.audit-chain.v1";
    static final String KEY = "chain";
    static final String TYPE = "cn.gongkai.ledger.integrity.ChainCheckpoint.v1";
    static final String DATA_SCHEMA = "integrity/ChainCheckpoint.v1.json";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final URI schemaBase;
    private final Producer<String, byte[]> producer;
    private volatile String lastPublishedHash;

    ChainCheckpoints(JdbcClient jdbc, Clock clock, Environment environment,
                     @Value("${gongkai.kafka.schema-base:https://schemas.gongkai-ledger.example/}") URI schemaBase) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schemaBase = schemaBase;
        this.producer = new KafkaProducer<>(producerConfig(environment));
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
        Envelope envelope = new Envelope("1.0", UUID.randomUUID().toString(), "/gongkai-ledger/integrity/chain", TYPE,
                KEY, clock.instant().toString(), "application/json", schemaBase.resolve(DATA_SCHEMA).toString(), "1",
                new ChainCheckpointV1(head.position(), head.globalIndex(), head.eventId(), head.hash(),
                        head.chainedAt().toString()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, KEY, JSON.writeValueAsBytes(envelope));
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
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

    private static Map<String, Object> producerConfig(Environment environment) {
        Binder binder = Binder.get(environment);
        String servers = binder.bind("gongkai.kafka.bootstrap-servers", String.class).orElse("");
        Map<String, Object> config = new HashMap<>(binder
                .bind("gongkai.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "gongkai-ledger-integrity");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The CloudEvent: the attributes of the 1.0 specification and {@code schemaversion}. */
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
                    String datacontenttype, String dataschema, String schemaversion, ChainCheckpointV1 data) {
    }

    /** The data: the head link. {@code hash} is 64 lowercase hex digits, {@code chainedAt} RFC 3339 UTC. */
    record ChainCheckpointV1(long position, long globalIndex, String eventId, String hash, String chainedAt) {
    }
}
