package cn.gongkai.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.publishing.TopicReader;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code gongkai.audit-chain.v1} from its beginning to its end, as an outside party holding the
 * checkpoints would, and validates a message against {@code schemas/integrity/} (resolved to the
 * files on the test class path, never fetched).
 */
final class CheckpointTopic {

    static final String TOPIC = "gongkai.audit-chain.v1";
    private static final String SCHEMA_BASE = "https://schemas.gongkai-ledger.example/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));

    /** One record as read. */
    record Message(int partition, long offset, String key, String contentType, JsonNode value) {
    }

    private CheckpointTopic() {
    }

    static List<Message> readAll(String bootstrapServers) {
        return TopicReader.readAll(bootstrapServers, TOPIC).stream()
                .map(read -> new Message(read.partition(), read.offset(), read.key(),
                        read.headers().get("content-type"), read.json()))
                .toList();
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
