package cn.gongkai.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code gongkai.audit-chain.v1} from its beginning to its end, as an outside party holding the
 * checkpoints would, and validates a message against {@code schemas/integrity/} (resolved to the
 * files on the test class path, never fetched).
 */
final class CheckpointTopic {

    static final String TOPIC = "gongkai.audit-chain.v1";
    private static final String SCHEMA_BASE = "https://schemas.gongkai-ledger.example/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));

    /** One record as read. */
    record Message(int partition, long offset, String key, String contentType, JsonNode value) {
    }

    private CheckpointTopic() {
    }

    static List<Message> readAll(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-checkpoint-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<Message> messages = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header contentType = record.headers().lastHeader("content-type");
                    messages.add(new Message(record.partition(), record.offset(), record.key(),
                            contentType == null ? null : new String(contentType.value(), StandardCharsets.UTF_8),
                            JSON.readTree(new String(record.value(), StandardCharsets.UTF_8))));
                }
            }
            return messages;
        }
    }

    /** The envelope against {@code integrity/envelope.v1.json}, the data against the schema its dataschema names. */
    static void assertValid(JsonNode message) {
        List<Error> envelope = SCHEMAS.getSchema(SchemaLocation.of(SCHEMA_BASE + "integrity/envelope.v1.json"))
                .validate(message);
        assertThat(envelope).as("envelope of %s", message).isEmpty();
        String dataschema = message.get("dataschema").asString();
        assertThat(dataschema).isEqualTo(SCHEMA_BASE + "integrity/ChainCheckpoint.v1.json");
        List<Error> data = SCHEMAS.getSchema(SchemaLocation.of(dataschema)).validate(message.get("data"));
        assertThat(data).as("data of %s", message).isEmpty();
    }
}
