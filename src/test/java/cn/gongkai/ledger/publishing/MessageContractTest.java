package cn.gongkai.ledger.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.RequestEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type maps to a message that its schemas accept, and no message carries personal
 * data. The events are the approved samples of {@code approved-events/}, read as the event store
 * reads them.
 */
class MessageContractTest {

    private static final ObjectMapper EVENT_MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestMessages MESSAGES = new RequestMessages(URI.create(MessageContract.SCHEMA_BASE));
    private static final RegisteredRequest REQUEST = new RegisteredRequest(
            java.util.UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13"), "gz-housing", "2026-0042");

    /** Every concrete event type, found through the sealed hierarchy: a new type cannot be forgotten. */
    static List<Class<?>> eventTypes() {
        List<Class<?>> types = new ArrayList<>();
        collect(RequestEvent.class, types);
        return types;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> collect(sub, into));
        } else {
            into.add(type);
        }
    }

    static Stream<RequestEvent> samples() {
        return eventTypes().stream().map(type -> {
            try (InputStream in = MessageContractTest.class.getResourceAsStream(
                    "/approved-events/" + type.getSimpleName() + ".json")) {
                assertThat(in).as("approved sample of " + type.getSimpleName()).isNotNull();
                return (RequestEvent) EVENT_MAPPER.readValue(in, type);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void everyEventTypeHasADataSchema() {
        assertThat(eventTypes()).hasSize(22);
        for (Class<?> type : eventTypes()) {
            assertThat(MessageContractTest.class.getResource("/schemas/requests/" + type.getSimpleName() + ".v1.json"))
                    .as(type.getSimpleName()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventTypeBecomesAMessageItsSchemasAccept(RequestEvent event) {
        ProducerRecord<String, byte[]> record = MESSAGES.record(event, "event-" + event.getClass().getSimpleName(), 7,
                Instant.parse("2026-03-03T01:02:03.456Z"), Map.of("actor", "handler-a", "agency", "gz-housing",
                        "roles", "HANDLER,REVIEWER"), REQUEST);

        JsonNode message = JSON.readTree(record.value());
        MessageContract.assertValid(message);
        assertThat(record.topic()).isEqualTo("gongkai.requests.v1");
        assertThat(record.key()).isEqualTo(event.requestId().toString());
        assertThat(message.get("type").asString()).isEqualTo(
                "cn.gongkai.ledger.request." + event.getClass().getSimpleName() + ".v1");
        assertThat(message.get("sequence").asString()).isEqualTo("0000000000000000007");
        assertThat(message.get("time").asString()).isEqualTo("2026-03-03T01:02:03.456Z");
        assertThat(message.get("businessdate").asString()).isEqualTo(event.businessDate().toString());
        assertThat(message.get("actorrole").asString()).isEqualTo("HANDLER,REVIEWER");
        assertThat(message.get("registrationnumber").asString()).isEqualTo("2026-0042");
        assertThat(record.headers().toArray()).extracting(Header::key).containsExactly("content-type");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    @Test
    void theApplicantsPersonalDataAndStaffFreeTextNeverReachAMessage() {
        // given the approved samples, whose RequestReceived names an applicant, and whose other events carry free text
        List<String> forbidden = List.of("张三", "居民身份证", "110101199003071234", "13800138000", "北京市东城区东华门大街1号",
                "\"applicant\"", "informationRequested", "2025年老旧小区改造项目清单", "1180123456789");

        // when every sample becomes a message
        String all = String.join("\n", samples().map(event -> new String(MESSAGES.record(event, "id", 0, Instant.EPOCH,
                Map.of("actor", "system:year-close", "agency", "gz-housing"), REQUEST).value(), StandardCharsets.UTF_8))
                .toList());

        // then none of it appears
        assertThat(forbidden).allSatisfy(text -> assertThat(all).doesNotContain(text));
        assertThat(all).contains("\"actorrole\":\"SYSTEM\"");
    }

    @Test
    void theSequenceIsPaddedToNineteenDigitsSoThatStringOrderIsNumericOrder() {
        assertThat(RequestMessages.sequence(0)).isEqualTo("0000000000000000000");
        assertThat(RequestMessages.sequence(42)).isEqualTo("0000000000000000042");
        assertThat(RequestMessages.sequence(Long.MAX_VALUE)).isEqualTo("9223372036854775807");
        assertThat(RequestMessages.sequence(9)).isLessThan(RequestMessages.sequence(10));
        assertThatThrownBy(() -> RequestMessages.sequence(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVocabularySchemaListsExactlyTheCodesOfTheJavaEnums() {
        JsonNode defs = JSON.readTree(MessageContractTest.class.getResourceAsStream("/schemas/requests/vocabulary.v1.json"))
                .get("$defs");
        Map<String, Class<? extends Enum<?>>> enums = Map.of("channel", Channel.class, "applicantCategory",
                ApplicantCategory.class, "deliveryForm", DeliveryForm.class, "consultedParty", ConsultedParty.class,
                "feeMethod", FeeMethod.class, "outcome", Outcome.class, "noticeKind",
                cn.gongkai.ledger.requests.NoticeKind.class, "deliveryMethod", cn.gongkai.ledger.requests.DeliveryMethod.class);
        enums.forEach((name, type) -> {
            List<String> listed = new ArrayList<>();
            defs.get(name).get("enum").forEach(code -> listed.add(code.asString()));
            assertThat(listed).as(name).containsExactlyElementsOf(
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        });
    }
}
