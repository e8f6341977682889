package cn.gongkai.ledger.disputes.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of the dispute events (files under {@code approved-events/}, written by hand).
 * A change that alters them breaks every event already stored: it needs a new {@code @Revision}
 * and an upcaster, not an edit of the approved file. The serializer is built as production's is.
 */
class DisputeEventJsonApprovalTest {

    private static final UUID DISPUTE = UUID.fromString("0b7a3c1e-5d2f-4e8a-9c61-7f3e2a1d4b05");
    private static final UUID REQUEST = UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    static List<DisputeEvent> samples() {
        return List.of(
                new DisputeFiled(DISPUTE, REQUEST, "gz-housing", "2026-0042", DisputeKind.RECONSIDERATION,
                        LocalDate.of(2026, 3, 2), "驻政复〔2026〕12号", "驻马店市人民政府"),
                new DisputeDecided(DISPUTE, REQUEST, "gz-housing", DisputeResult.CORRECTED, LocalDate.of(2026, 5, 20),
                        "责令重新答复"),
                new DisputeCorrected(DISPUTE, REQUEST, "gz-housing", "2026-0042",
                        DisputeKind.LITIGATION_AFTER_RECONSIDERATION, LocalDate.of(2026, 3, 1), "驻政复〔2026〕12号",
                        "驻马店市人民政府", DisputeResult.UPHELD, LocalDate.of(2026, 5, 20), "维持原答复",
                        LocalDate.of(2026, 3, 2), "误登为行政复议，实为复议后起诉", LocalDate.of(2026, 6, 1)),
                new DisputeWithdrawn(DISPUTE, REQUEST, "gz-housing", LocalDate.of(2026, 3, 2), "重复登记",
                        LocalDate.of(2026, 6, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anEventSerializesToItsApprovedJson(DisputeEvent event) throws IOException {
        JsonNode approved = MAPPER.readTree(approvedJson(event.getClass()));
        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        assertThat(MAPPER.readTree(serialized.getData())).isEqualTo(approved);
        assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theApprovedJsonDeserializesToAnEqualEvent(DisputeEvent event) {
        var stored = new SimpleSerializedObject<>(approvedJson(event.getClass()), String.class,
                event.getClass().getName(), "1");
        Object read = SERIALIZER.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventTypeIsAtRevisionOne(DisputeEvent event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s", event.getClass().getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }

    @Test
    void theSamplesCoverEveryEventType() {
        Set<Class<?>> eventTypes = Set.of(DisputeEvent.class.getPermittedSubclasses());
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(eventTypes);
        assertThat(Stream.of(DisputeEvent.class.getPermittedSubclasses()).allMatch(Class::isRecord)).isTrue();
    }

    private static String approvedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".json";
        try (InputStream in = DisputeEventJsonApprovalTest.class.getResourceAsStream(path)) {
            assertThat(in).as("approved file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
