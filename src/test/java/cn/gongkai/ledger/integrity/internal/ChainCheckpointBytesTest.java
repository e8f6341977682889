package cn.gongkai.ledger.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.integrity.ChainHead;
import cn.gongkai.ledger.publishing.CloudEvents;
import cn.gongkai.ledger.publishing.PublishingProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The chain's checkpoint, sent with the publishing module's Kafka kit, is byte for byte the message
 * it was when integrity built its own envelope ({@code approved-messages/chain-checkpoint.txt}, written
 * by the code before the kit was shared).
 */
class ChainCheckpointBytesTest {

    @Test
    void theCheckpointIsByteForByteTheApprovedMessage() throws Exception {
        ChainCheckpoints checkpoints = new ChainCheckpoints(null, null, null, new PublishingProperties("localhost:9092",
                Map.of(), URI.create("https://schemas.gongkai-ledger.example/"), null));
        ChainHead head = new ChainHead(42, 4711, "e-42",
                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
                Instant.parse("2026-03-03T01:02:00Z"));
        ProducerRecord<String, byte[]> record = CloudEvents.record(ChainCheckpoints.TOPIC, ChainCheckpoints.KEY,
                checkpoints.envelope(head, "*", Instant.parse("2026-03-03T01:02:03.456Z")));
        String actual = record.topic() + " | " + record.key() + " | content-type="
                + new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8) + ";\n"
                + new String(record.value(), StandardCharsets.UTF_8) + "\n";
        assertThat(actual).isEqualTo(Files.readString(Path.of("src/test/resources/approved-messages/chain-checkpoint.txt")));
    }
}
