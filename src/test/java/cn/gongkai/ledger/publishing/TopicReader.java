package cn.gongkai.ledger.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a whole topic from its beginning to its current end, as a consumer without a group would. */
public final class TopicReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One record as read: partition, offset, key, headers and the parsed value. */
    public record Message(int partition, long offset, String key, Map<String, String> headers, String value) {

        public JsonNode json() {
            return JSON.readTree(value);
        }
    }

    private TopicReader() {
    }

    public static List<Message> readAll(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<Message> messages = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    messages.add(new Message(record.partition(), record.offset(), record.key(),
                            headers(record), new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
            return messages;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    /** The messages of one application, in the order of its partition. */
    public static List<Message> ofApplication(List<Message> all, String requestId) {
        return all.stream().filter(m -> requestId.equals(m.key()))
                .sorted(java.util.Comparator.comparingLong(Message::offset))
                .toList();
    }
}
