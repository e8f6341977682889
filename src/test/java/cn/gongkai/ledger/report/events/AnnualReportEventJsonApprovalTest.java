package cn.gongkai.ledger.report.events;

import static org.assertj.core.api.Assertions.assertThat;
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
 * Pins the stored JSON of the annual report's events (files under {@code approved-events/}, written by hand).
 * A change that alters them breaks every event already stored: it needs a new {@code @Revision} and an
 * upcaster, not an edit of the approved file. The serializer is built as production's is.
 */
class AnnualReportEventJsonApprovalTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    static List<AnnualReportEvent> samples() {
        return List.of(
                new Part2FiguresEntered("kaifaqu", 2021, List.of(new Part2Entry("FEES", "1165.5066",
                        "驻马店经济开发区财政局提供"), new Part2Entry("LICENSING", "124", null))),
                new Part2FiguresCorrected("kaifaqu", 2021, List.of(new Part2Entry("NORMATIVE_DOCUMENTS_IN_FORCE", "61",
                        "依据清理结果")), List.of(new Part2Entry("NORMATIVE_DOCUMENTS_IN_FORCE", "60", null)),
                        "按清理结果复核"),
                new ProseSaved("kaifaqu", 2021, "PART1_REQUESTS", 2,
                        "{{年度}}年，{{机关}}共收到{{三.RECEIVED.TOTAL}}件政府信息公开申请。", false, "补充办理情况"),
                new GateWarningAcknowledged("kaifaqu", 2021, "Part2RollForwardCheckable",
                        "Part2RollForwardCheckable:NORMATIVE_DOCUMENTS_IN_FORCE", "2020年度的现行有效件数未在本系统中填报",
                        "2020年度数据未录入本系统"),
                new AnnualReportPublished("kaifaqu", 2021, 2, LocalDate.of(2022, 1, 28), "head-kaifaqu", "2021",
                        "补录一件申请", "{\"year\":2021}",
                        List.of(new AnnualReportPublished.Finding("Part2RollForwardCheckable", "WARNING",
                                "Part2RollForwardCheckable:NORMATIVE_DOCUMENTS_IN_FORCE", "无法核对", "cannot be checked")),
                        List.of(new AnnualReportPublished.Acknowledgement(
                                "Part2RollForwardCheckable:NORMATIVE_DOCUMENTS_IN_FORCE", "head-kaifaqu",
                                "2020年度数据未录入本系统"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anEventSerializesToItsApprovedJson(AnnualReportEvent event) throws IOException {
        JsonNode approved = MAPPER.readTree(approvedJson(event.getClass()));
        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        assertThat(MAPPER.readTree(serialized.getData())).isEqualTo(approved);
        assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theApprovedJsonDeserializesToAnEqualEvent(AnnualReportEvent event) {
        var stored = new SimpleSerializedObject<>(approvedJson(event.getClass()), String.class,
                event.getClass().getName(), "1");
        Object read = SERIALIZER.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    @Test
    void theSamplesCoverEveryEventTypeAndEachIsAtRevisionOne() {
        Set<Class<?>> eventTypes = Set.of(AnnualReportEvent.class.getPermittedSubclasses());
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(eventTypes);
        assertThat(eventTypes).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1"));
        assertThat(Stream.of(AnnualReportEvent.class.getPermittedSubclasses()).allMatch(Class::isRecord)).isTrue();
    }

    private static String approvedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".json";
        try (InputStream in = AnnualReportEventJsonApprovalTest.class.getResourceAsStream(path)) {
            assertThat(in).as("approved file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
