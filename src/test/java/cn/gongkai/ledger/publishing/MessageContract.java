package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates messages against the JSON Schemas of {@code schemas/} (on the test classpath as
 * {@code schemas/...}): the envelope against {@code cloudevent-envelope.v1.json}, the data against
 * the schema its {@code dataschema} names. Schema URIs are resolved to the files, never fetched.
 */
final class MessageContract {

    static final String SCHEMA_BASE = "https://schemas.gongkai-ledger.example/";
    static final String ENVELOPE = SCHEMA_BASE + "cloudevent-envelope.v1.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private MessageContract() {
    }

    static Schema schema(String uri) {
        return SCHEMAS.computeIfAbsent(uri, key -> REGISTRY.getSchema(SchemaLocation.of(key)));
    }

    /** Asserts that the message is a valid envelope and its data valid against its own schema. */
    static void assertValid(JsonNode message) {
        List<Error> envelopeErrors = schema(ENVELOPE).validate(message);
        assertThat(envelopeErrors).as("envelope of %s", message).isEmpty();
        String dataschema = message.get("dataschema").asString();
        assertThat(dataschema).startsWith(SCHEMA_BASE);
        List<Error> dataErrors = schema(dataschema).validate(message.get("data"));
        assertThat(dataErrors).as("data of %s against %s", message, dataschema).isEmpty();
    }
}
