package cn.gongkai.ledger.publishing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the publisher sends its messages ({@code gongkai.kafka.*}).
 *
 * @param bootstrapServers the brokers, {@code host:port,...} ({@code GONGKAI_KAFKA_BOOTSTRAP_SERVERS}); required
 * @param properties       passed to the producer as they are: security settings such as
 *                         {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 *                         {@code ssl.truststore.location}, or tuning ({@code linger.ms}, {@code compression.type}).
 *                         The delivery guarantees ({@code acks}, idempotence, in-flight limit) cannot be weakened here.
 * @param schemaBase       the base URI under which the JSON Schemas of {@code schemas/} are published;
 *                         each message's {@code dataschema} and each schema's {@code $id} start with it
 */
@ConfigurationProperties("gongkai.kafka")
record PublishingProperties(
        String bootstrapServers,
        Map<String, String> properties,
        @DefaultValue("https://schemas.gongkai-ledger.example/") URI schemaBase) {

    PublishingProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
