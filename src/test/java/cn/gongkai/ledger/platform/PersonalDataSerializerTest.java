package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The stored form of a record with personal data, independent of any domain event: encrypted per
 * value, readable with the subject's key, read as 已删除 without it, never failing.
 */
class PersonalDataSerializerTest {

    record Person(String name, String idNumber) {
    }

    record Registered(@DataSubject UUID caseId, @PersonalData Person person, @PersonalData String phone,
                      String topic) {
    }

    record Unprotected(UUID caseId, String note) {
    }

    private static final ObjectMapper MAPPER = SerializationConfiguration.eventMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final UUID CASE = UUID.fromString("0b7d1c2e-0000-4000-8000-000000000001");
    private static final Registered EVENT = new Registered(CASE, new Person("李四", "110101198001010011"),
            "13911112222", "道路规划");

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(
            JacksonSerializer.builder().objectMapper(MAPPER).build(), keys);

    @Test
    void personalValuesAreStoredAsEnvelopesAndNothingElseIs() throws Exception {
        SerializedObject<byte[]> stored = serializer.serialize(EVENT, byte[].class);

        String text = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("李四").doesNotContain("110101198001010011").doesNotContain("13911112222")
                .contains("道路规划");
        JsonNode tree = MAPPER.readTree(stored.getData());
        for (String field : new String[] {"person", "phone"}) {
            assertThat(tree.get(field).get("alg").asText()).isEqualTo("AES-256-GCM");
            assertThat(tree.get(field).get("subject").asText()).isEqualTo(CASE.toString());
            assertThat(tree.get(field).get("encrypted").asText()).isNotBlank();
            assertThat(tree.get(field).get("iv").asText()).isNotBlank();
        }
        assertThat(stored.getType().getName()).isEqualTo(Registered.class.getName());
    }

    @Test
    void theSameValueIsEncryptedDifferentlyEveryTime() throws Exception {
        JsonNode first = MAPPER.readTree(serializer.serialize(EVENT, byte[].class).getData());
        JsonNode second = MAPPER.readTree(serializer.serialize(EVENT, byte[].class).getData());

        // then a fresh IV each time: equal plaintexts cannot be recognised in the table
        assertThat(first.get("phone").get("iv")).isNotEqualTo(second.get("phone").get("iv"));
        assertThat(first.get("phone").get("encrypted")).isNotEqualTo(second.get("phone").get("encrypted"));
    }

    @Test
    void withTheKeyTheRecordReadsAsItWasWritten() {
        SerializedObject<byte[]> stored = serializer.serialize(EVENT, byte[].class);

        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(EVENT);
    }

    @Test
    void afterTheKeyIsErasedEveryPersonalStringReadsAsErasedAndTheRestIsIntact() {
        SerializedObject<byte[]> stored = serializer.serialize(EVENT, byte[].class);
        byte[] before = stored.getData().clone();

        keys.erase(CASE.toString(), "admin", "保存期限届满");
        Object read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(new Registered(CASE, new Person("已删除", "已删除"), "已删除", "道路规划"));
        assertThat(stored.getData()).isEqualTo(before);
    }

    @Test
    void aValueEncryptedForAnotherSubjectDoesNotOpenAndReadsAsErased() throws Exception {
        // given an envelope moved from one case's record into another's: the subject is authenticated data
        Registered other = new Registered(UUID.randomUUID(), new Person("王五", "x"), null, "t");
        ObjectNode otherTree = (ObjectNode) MAPPER.readTree(serializer.serialize(other, byte[].class).getData());
        ObjectNode tree = (ObjectNode) MAPPER.readTree(serializer.serialize(EVENT, byte[].class).getData());
        ObjectNode moved = (ObjectNode) otherTree.get("person");
        moved.put("subject", CASE.toString());
        tree.set("person", moved);

        Object read = serializer.deserialize(new SimpleSerializedObject<>(MAPPER.writeValueAsBytes(tree), byte[].class,
                serializer.typeForClass(Registered.class)));

        assertThat(((Registered) read).person()).isEqualTo(new Person("已删除", "已删除"));
        assertThat(((Registered) read).phone()).isEqualTo("13911112222");
    }

    @Test
    void plainJsonWrittenBeforeEncryptionIsReadAsItIs() throws Exception {
        // given a record stored before personal data was encrypted
        byte[] legacy = MAPPER.writeValueAsBytes(EVENT);

        Object read = serializer.deserialize(new SimpleSerializedObject<>(legacy, byte[].class,
                serializer.typeForClass(Registered.class)));

        assertThat(read).isEqualTo(EVENT);
    }

    @Test
    void aRecordWithoutPersonalDataIsStoredAsPlainJson() throws Exception {
        SerializedObject<String> stored = serializer.serialize(new Unprotected(CASE, "备注"), String.class);

        assertThat(MAPPER.readTree(stored.getData())).isEqualTo(MAPPER.readTree(
                "{\"caseId\":\"" + CASE + "\",\"note\":\"备注\"}"));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(new Unprotected(CASE, "备注"));
    }

    @Test
    void absentPersonalValuesNeedNoKey() throws Exception {
        JsonNode tree = MAPPER.readTree(serializer.serialize(new Registered(CASE, null, null, "t"), byte[].class)
                .getData());

        assertThat(tree.get("person").isNull()).isTrue();
        assertThat(keys.keyForReading(CASE.toString())).isEmpty();
    }

    @Test
    void noNewPersonalDataIsStoredForASubjectWhoseKeyWasErased() {
        serializer.serialize(EVENT, byte[].class);
        keys.erase(CASE.toString(), "admin", "保存期限届满");

        assertThatThrownBy(() -> serializer.serialize(EVENT, byte[].class))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inAProcessorThatWithholdsPersonalDataNothingIsDecryptedAndNoKeyIsAskedFor() throws Exception {
        // given a stored registration, and a unit of work of a processor that withholds personal data
        SerializedObject<byte[]> stored = serializer.serialize(EVENT, byte[].class);
        List<String> asked = new ArrayList<>();
        PersonalDataSerializer reading = new PersonalDataSerializer(
                JacksonSerializer.builder().objectMapper(MAPPER).build(), new PersonalDataKeys() {
                    @Override
                    public byte[] keyForWriting(String subject) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Optional<byte[]> keyForReading(String subject) {
                        asked.add(subject);
                        return keys.keyForReading(subject);
                    }

                    @Override
                    public boolean erase(String subject, String erasedBy, String reason) {
                        throw new UnsupportedOperationException();
                    }
                });
        EventMessage<?> event = GenericEventMessage.asEventMessage(EVENT);
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);

        // when the processor's handler reads the registration
        Object read;
        try {
            read = new WithholdPersonalData().handle(unitOfWork, () -> reading.deserialize(stored));
        } finally {
            unitOfWork.rollback();
        }

        // then the personal values read as withheld, the rest as written, and no key was looked up
        assertThat(read).isEqualTo(new Registered(CASE, new Person("未解密", "未解密"), "未解密", "道路规划"));
        assertThat(asked).isEmpty();
        // and outside such a unit of work the same bytes open as before
        Object outside = reading.deserialize(stored);
        assertThat(outside).isEqualTo(EVENT);
    }
}
