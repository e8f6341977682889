package cn.gongkai.ledger.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How far a single-segment {@code kafka-publisher} has got, read from its token, against the event store's head. */
final class PublisherProgress {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PublisherProgress() {
    }

    /** The global index the publisher's token stands at (-1: nowhere yet); a replay token counts by its current token. */
    static long position(JdbcClient jdbc) {
        return jdbc.sql("select convert_from(token, 'UTF8') from token_entry where processor_name = 'kafka-publisher'")
                .query(String.class).optional()
                .map(token -> {
                    JsonNode node = JSON.readTree(token);
                    if (node.has("tokenAtReset")) {
                        node = node.get("currentToken");
                    }
                    return node == null || node.isNull() || !node.has("index") ? -1L : node.get("index").asLong();
                })
                .orElse(-1L);
    }

    /** The global index of the last event stored (-1: none). */
    static long lastGlobalIndex(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
    }
}
