package cn.gongkai.ledger.access.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the stored JSON of the agency events (files under {@code approved-events/}, written by hand):
 * a change to them needs a new {@code @Revision} and an upcaster. Only the record components are
 * stored; {@code label()} is derived, never serialized.
 */
class AgencyEventJsonApprovalTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    static List<AgencyEvent> samples() {
        return List.of(
                new AgencyCreated("zhumadian-jyj", "驻马店市教育局", "zhumadian", "市直部门"),
                new AgencyAdopted("yicheng", "驻马店市驿城区人民政府", null),
                new AgencyRenamed("yicheng", "驻马店市驿城区人民政府办公室", "驻马店市驿城区人民政府", "机构改革后更名"),
                new AgencyParentSet("zhumadian-wjw", "zhumadian", null, "归入市级汇总"),
                new AgencyParentCleared("zhumadian-wjw", "zhumadian", "改为独立汇总"),
                new AgencyAdministratorCreated("zhumadian-jyj", "admin-zmd-jyj", "首个管理员"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anEventSerializesToItsApprovedJsonAndBack(AgencyEvent event) throws IOException {
        String approved = approvedJson(event.getClass());

        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        Object read = SERIALIZER.deserialize(new SimpleSerializedObject<>(approved, String.class,
                event.getClass().getName(), "1"));

        assertThat(MAPPER.readTree(serialized.getData())).isEqualTo(MAPPER.readTree(approved));
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        assertThat(event.getClass().getAnnotation(Revision.class).value()).isEqualTo("1");
        assertThat(read).isEqualTo(event);
    }

    @Test
    void theSamplesCoverEveryEventType() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(sampled).isEqualTo(Set.of(AgencyEvent.class.getPermittedSubclasses()));
    }

    private static String approvedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".json";
        try (InputStream in = AgencyEventJsonApprovalTest.class.getResourceAsStream(path)) {
            assertThat(in).as("approved file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
