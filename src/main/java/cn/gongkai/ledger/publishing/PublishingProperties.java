package cn.gongkai.ledger.publishing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service sends its messages ({@code gongkai.kafka.*}): bound here and nowhere else, for
 * every producer of the service (the publishers of this module and integrity's checkpoints).
 *
 * @param bootstrapServers the brokers, {@code host:port,...} ({@code GONGKAI_KAFKA_BOOTSTRAP_SERVERS}); required
 * @param properties       passed to the producer as they are: security settings such as
 *                         {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 *                         {@code ssl.truststore.location}, or tuning ({@code linger.ms}, {@code compression.type}).
 *                         The delivery guarantees ({@code acks}, idempotence, in-flight limit) cannot be weakened here.
 * @param schemaBase       the base URI under which the JSON Schemas of {@code schemas/} are published;
 *                         each message's {@code dataschema} and each schema's {@code $id} start with it
 * @param annualTables     how the annual tables' outbox is relayed to its topic
 */
@ConfigurationProperties("gongkai.kafka")
public record PublishingProperties(
        String bootstrapServers,
        Map<String, String> properties,
        @DefaultValue("https://schemas.gongkai-ledger.example/") URI schemaBase,
        @DefaultValue AnnualTables annualTables) {

    public PublishingProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        annualTables = annualTables == null ? new AnnualTables(Duration.ofMillis(50), 500, Duration.ofSeconds(10))
                : annualTables;
    }

    /**
     * {@code gongkai.kafka.annual-tables.*}.
     *
     * @param pollInterval how often an idle relay looks for changed agency-years (as the processors look
     *                     for events, docs/adr/0011)
     * @param batchSize    changes read, sent and marked per round
     * @param maxBackOff   the longest pause after a failed round (the pause doubles from the poll interval)
     */
    public record AnnualTables(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("500") int batchSize,
                               @DefaultValue("10s") Duration maxBackOff) {
    }
}
