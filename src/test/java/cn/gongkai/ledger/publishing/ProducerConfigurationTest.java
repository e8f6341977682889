package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The producer's delivery guarantees hold whatever is configured, and no brokers means no start. */
class ProducerConfigurationTest {

    private static final URI BASE = URI.create("https://schemas.gongkai-ledger.example/");

    @Test
    void withoutBootstrapServersTheServiceDoesNotStart() {
        assertThatThrownBy(() -> ProducerConfiguration.producerConfig(new PublishingProperties(" ", Map.of(), BASE, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GONGKAI_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void securitySettingsPassThroughButTheGuaranteesCannotBeWeakened() {
        // given properties that try to weaken the guarantees, next to security settings
        Map<String, Object> config = ProducerConfiguration.producerConfig(new PublishingProperties("kafka:9092",
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "acks", "1",
                        "enable.idempotence", "false", "max.in.flight.requests.per.connection", "20",
                        "linger.ms", "20"), BASE, null));

        // then the security settings and the tuning pass, the guarantees stay
        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    }
}
