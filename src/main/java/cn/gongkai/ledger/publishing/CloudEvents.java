package cn.gongkai.ledger.publishing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The Kafka kit's writer: a {@link CloudEvent} as the value of a record in structured mode, with the
 * {@code content-type} header {@value CloudEvent#CONTENT_TYPE} and nothing else ({@code ce_*} headers
 * would give every attribute two places that could disagree).
 *
 * <p>The messages' own mapper: the contract must not change with the web layer's JSON settings. It is
 * Jackson 2, the library Axon reads the events with, so that catching up after a start compiles one
 * JSON library's code, not two (docs/benchmarks.md). Properties in declaration order, dates as ISO
 * strings.
 */
public final class CloudEvents {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private CloudEvents() {
    }

    /** The record of {@code event} on {@code topic} under {@code key}. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, CloudEvent<?> event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes(event));
        record.headers().add(new RecordHeader("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The event in the CloudEvents JSON format, UTF-8. */
    public static byte[] bytes(CloudEvent<?> event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("specversion", CloudEvent.SPEC_VERSION);
            json.writeStringField("id", event.id());
            json.writeStringField("source", event.source());
            json.writeStringField("type", event.type());
            json.writeStringField("subject", event.subject());
            json.writeStringField("time", event.time());
            json.writeStringField("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
            json.writeStringField("dataschema", event.dataschema());
            for (Map.Entry<String, String> extension : event.extensions().entrySet()) {
                json.writeStringField(extension.getKey(), extension.getValue());
            }
            json.writeFieldName("data");
            json.writeObject(event.data());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the message " + event.id() + " cannot be written as JSON", e);
        }
        return out.toByteArray();
    }
}
