package cn.gongkai.ledger.requests.events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.platform.InMemoryPersonalDataKeys;
import cn.gongkai.ledger.platform.PersonalDataSerializer;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * Pins the stored JSON of every event type. The approved files under {@code approved-events/} were
 * written by hand from the published contract; a change that alters them breaks every event already
 * stored and every reader of the stream, so it needs a new {@code @Revision} and an upcaster, not an
 * edit of the approved file.
 *
 * <p>The serializer is built exactly as {@code platform.SerializationConfiguration} builds the
 * production one: Axon's Jackson 2 serializer, ISO dates, unknown properties ignored, wrapped in the
 * personal-data encryption (keys in memory here). {@code <Type>.json} is the event's plain JSON: what
 * an event without personal data is stored as, what the envelope of personal data holds, and what
 * events stored before encryption look like. {@code <Type>.stored.json}, for an event with personal
 * data, is its stored form, the envelope's random ciphertext and IV masked (ADR 0009).
 */
class EventJsonApprovalTest {

    private static final UUID ID = UUID.fromString("6f1c2a4e-8b0d-4c3e-9a51-2d7e4f0b9c13");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Serializer SERIALIZER = new PersonalDataSerializer(
            JacksonSerializer.builder().objectMapper(MAPPER).build(), new InMemoryPersonalDataKeys());

    /** One instance of every event type, with the values of its approved file. */
    static List<RequestEvent> samples() {
        return List.of(
                new RequestReceived(ID, "gz-housing", "2026-0042", Channel.POST, LocalDate.of(2026, 3, 2),
                        LocalDate.of(2026, 3, 3), ApplicantCategory.NATURAL_PERSON,
                        new ApplicantDetails("张三", "居民身份证", "110101199003071234", "13800138000",
                                "北京市东城区东华门大街1号"),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL),
                new CorrectionRequested(ID, "请写明所需信息的具体年份", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 11)),
                new CorrectionReceived(ID, LocalDate.of(2026, 3, 9)),
                new ConsultationStarted(ID, ConsultedParty.THIRD_PARTY, "广州市某物业管理有限公司", LocalDate.of(2026, 3, 5)),
                new ConsultationAnswered(ID, LocalDate.of(2026, 3, 10)),
                new DeadlineExtended(ID, 20, "需调取多个年度的档案", "wang.fang", LocalDate.of(2026, 3, 13)),
                new FeeNoticeIssued(ID, FeeMethod.PER_PAGE, 150, 170_000, null, LocalDate.of(2026, 3, 5),
                        LocalDate.of(2026, 3, 12)),
                new FeePaid(ID, 170_000, LocalDate.of(2026, 3, 10)),
                new FeeWaived(ID, "申请人为低保对象", LocalDate.of(2026, 3, 10)),
                new AnswerDrafted(ID, 1, Outcome.PARTIALLY_DISCLOSED, "条例第三十七条",
                        "所申请信息中涉及个人隐私的部分不予公开，其余部分予以公开。", "li.lei", LocalDate.of(2026, 3, 12)),
                new AnswerReturned(ID, 1, "法律依据引用有误", "wang.fang", LocalDate.of(2026, 3, 13)),
                new AnswerApproved(ID, 2, "zhao.min", LocalDate.of(2026, 3, 14)),
                new RequestAnswered(ID, 2, Outcome.PARTIALLY_DISCLOSED, LocalDate.of(2026, 3, 16)),
                new RequestWithdrawn(ID, "申请人已通过其他途径获取", LocalDate.of(2026, 3, 16)),
                new RequestLapsed(ID, Outcome.OTHER_CORRECTION_NOT_SUBMITTED, LocalDate.of(2026, 3, 12)),
                new RequestCarriedForward(ID, 2025, 2026),
                new OutcomeCorrected(ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, "复议决定书认定应为部分公开",
                        "wang.fang", LocalDate.of(2026, 4, 20)),
                new ApplicantCategoryCorrected(ID, ApplicantCategory.NATURAL_PERSON,
                        ApplicantCategory.LEGAL_SERVICE_INSTITUTION, "申请人实为律师事务所", "wang.fang",
                        LocalDate.of(2026, 3, 10)),
                new RequestArchived(ID, LocalDate.of(2026, 4, 30)),
                new ApplicantDataErased(ID, "保存期限届满", LocalDate.of(2036, 5, 4)),
                new NoticeIssued(ID, UUID.fromString("0b6f4c1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b"), NoticeKind.ANSWER,
                        Outcome.PARTIALLY_DISCLOSED, "驻经开公开〔2026〕12号", 3, 1,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", "li.lei",
                        LocalDate.of(2026, 3, 16)),
                new NoticeDelivered(ID, UUID.fromString("0b6f4c1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b"), DeliveryMethod.POST,
                        LocalDate.of(2026, 3, 18), "1180123456789", "li.lei"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void anEventSerializesToItsApprovedJson(RequestEvent event) throws IOException {
        JsonNode approved = MAPPER.readTree(storedJson(event.getClass()).orElseGet(() -> approvedJson(event.getClass())));
        SerializedObject<String> serialized = SERIALIZER.serialize(event, String.class);
        assertThat(masked(MAPPER.readTree(serialized.getData()))).isEqualTo(approved);
        assertThat(serialized.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theApprovedJsonDeserializesToAnEqualEvent(RequestEvent event) {
        var stored = new SimpleSerializedObject<>(approvedJson(event.getClass()), String.class,
                event.getClass().getName(), "1");
        Object read = SERIALIZER.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStoredFormReadsAsTheSameEvent(RequestEvent event) {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(event, byte[].class);
        Object read = SERIALIZER.deserialize(stored);
        assertThat(read).isEqualTo(event);
    }

    @Test
    void theApplicantAndWhatWasAskedForAreThePersonalDataAndAreNeverStoredInPlain() {
        String stored = SERIALIZER.serialize(samples().getFirst(), String.class).getData();
        assertThat(stored).doesNotContain("张三").doesNotContain("110101199003071234").doesNotContain("13800138000")
                .doesNotContain("北京市东城区东华门大街1号").doesNotContain("2025年老旧小区改造项目清单");
        assertThat(samples()).filteredOn(event -> storedJson(event.getClass()).isPresent())
                .extracting(event -> (Class) event.getClass()).containsExactly(RequestReceived.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventTypeIsAtRevisionOne(RequestEvent event) {
        Class<?> type = event.getClass();
        Revision revision = type.getAnnotation(Revision.class);
        assertThat(revision).as("@Revision on %s", type.getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo("1");
    }

    @Test
    void theSamplesCoverEveryEventType() {
        Set<Class<?>> eventTypes = concreteSubtypes(RequestEvent.class);
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(eventTypes).hasSize(22);
        assertThat(sampled).isEqualTo(eventTypes);
    }

    @Test
    void anUnknownPropertyWrittenByANewerRevisionIsIgnored() {
        String newer = "{\"requestId\": \"" + ID + "\", \"archivedOn\": \"2026-04-30\", \"archiveBox\": \"A-17\"}";
        Object read = SERIALIZER.deserialize(new SimpleSerializedObject<>(newer, String.class,
                RequestArchived.class.getName(), "1"));
        assertThat(read).isEqualTo(new RequestArchived(ID, LocalDate.of(2026, 4, 30)));
    }

    private static Set<Class<?>> concreteSubtypes(Class<?> sealedType) {
        Set<Class<?>> found = new HashSet<>();
        Stream.of(sealedType.getPermittedSubclasses()).forEach(subtype -> {
            if (subtype.isSealed()) {
                found.addAll(concreteSubtypes(subtype));
            } else {
                found.add(subtype);
            }
        });
        return found;
    }

    /** The envelopes' ciphertext and IV, random on every write, as {@code <ciphertext>} and {@code <iv>}. */
    private static JsonNode masked(JsonNode stored) {
        stored.forEach(value -> {
            if (value instanceof ObjectNode envelope && envelope.has("encrypted")) {
                envelope.put("encrypted", "<ciphertext>");
                envelope.put("iv", "<iv>");
            }
        });
        return stored;
    }

    private static Optional<String> storedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".stored.json";
        try (InputStream in = EventJsonApprovalTest.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String approvedJson(Class<?> type) {
        String path = "/approved-events/" + type.getSimpleName() + ".json";
        try (InputStream in = EventJsonApprovalTest.class.getResourceAsStream(path)) {
            assertThat(in).as("approved file %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
