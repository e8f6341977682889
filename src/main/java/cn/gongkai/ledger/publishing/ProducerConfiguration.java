package cn.gongkai.ledger.publishing;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Kafka producer of the service (this module's publishers and integrity's checkpoints). Idempotent, {@code acks=all} and at most five requests
 * in flight per connection: a retried send neither duplicates nor reorders within a partition.
 * Records are batched ({@code linger.ms}, {@code batch.size}); the publisher waits for the
 * acknowledgements of a whole batch of events before its token moves.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingProperties.class)
class ProducerConfiguration {

    static final int MAX_IN_FLIGHT = 5;

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> kafkaProducer(PublishingProperties settings) {
        return new KafkaProducer<>(producerConfig(settings));
    }

    /**
     * The producer's {@code max.request.size}: a record larger than this is refused before it is
     * sent (and dead-lettered, see {@link KafkaPublisher}).
     */
    static int maxRequestSize(PublishingProperties settings) {
        String configured = settings.properties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        return configured == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(configured.trim());
    }

    /** Kafka's default {@code max.request.size}, 1 MiB. */
    static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    static Map<String, Object> producerConfig(PublishingProperties settings) {
        if (settings.bootstrapServers() == null || settings.bootstrapServers().isBlank()) {
            throw new IllegalStateException("gongkai.kafka.bootstrap-servers is not set: every change is published"
                    + " to Kafka, so the service needs brokers; set GONGKAI_KAFKA_BOOTSTRAP_SERVERS=host:port[,host:port]");
        }
        Map<String, Object> config = new HashMap<>();
        // throughput defaults, overridable
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "gongkai-ledger-publisher");
        config.putAll(settings.properties());
        // the guarantees, not overridable
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Object inFlight = config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight == null || Integer.parseInt(inFlight.toString()) > MAX_IN_FLIGHT) {
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, MAX_IN_FLIGHT);
        }
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
