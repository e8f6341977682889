package cn.gongkai.ledger.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the {@link PersonalData} of a record encrypted with its {@link DataSubject}'s key, around
 * Axon's Jackson serializer: encryption is a storage concern, so events stay plain records and no
 * handler knows of it (ADR 0009).
 *
 * <p>Serializing writes the record as a JSON tree and replaces each personal value by an envelope
 * {@code {"encrypted":…,"iv":…,"alg":"AES-256-GCM","subject":…}}: the value's JSON encrypted with
 * AES-256-GCM, a random 96-bit IV per value, the subject id as additional authenticated data.
 * Deserializing opens each envelope with the subject's current key; once the key is erased, or if
 * the value cannot be opened, the value reads as erased ({@link PersonalData#ERASED}) and the record
 * still deserializes. A personal value stored in plain JSON (written before encryption) is read as
 * it is. Types without personal data pass straight through.
 */
public final class PersonalDataSerializer implements Serializer {

    static final String ALGORITHM = "AES-256-GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Logger log = LoggerFactory.getLogger(PersonalDataSerializer.class);

    /** Per record type: its subject component and its personal components, or empty if it has none. */
    private static final ClassValue<Optional<Protection>> PROTECTION = new ClassValue<>() {
        @Override
        protected Optional<Protection> computeValue(Class<?> type) {
            return Protection.of(type);
        }
    };

    private final JacksonSerializer delegate;
    private final PersonalDataKeys keys;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataSerializer(JacksonSerializer delegate, PersonalDataKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
        this.mapper = delegate.getObjectMapper();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<Protection> protection = object == null ? Optional.empty() : PROTECTION.get(object.getClass());
        if (protection.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<JsonNode> plain = delegate.serialize(object, JsonNode.class);
        ObjectNode tree = (ObjectNode) plain.getData();
        String subject = tree.path(protection.get().subject()).asText(null);
        if (subject == null) {
            throw new IllegalArgumentException(object.getClass().getSimpleName() + " has personal data but no "
                    + protection.get().subject() + " (its @DataSubject)");
        }
        byte[] key = null;
        for (RecordComponent component : protection.get().personal()) {
            JsonNode value = tree.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null) {
                key = keys.keyForWriting(subject);
            }
            tree.set(component.getName(), seal(value, subject, key));
        }
        T data = delegate.getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, plain.getType());
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Optional<Protection> protection = PROTECTION.get(classForType(serializedObject.getType()));
        if (protection.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        if (tree instanceof ObjectNode object) {
            for (RecordComponent component : protection.get().personal()) {
                JsonNode value = object.get(component.getName());
                if (isEnvelope(value)) {
                    object.set(component.getName(), open(value, component));
                }
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private ObjectNode seal(JsonNode value, String subject, byte[] key) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, subject);
            byte[] encrypted = cipher.doFinal(mapper.writeValueAsBytes(value));
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("encrypted", Base64.getEncoder().encodeToString(encrypted));
            envelope.put("iv", Base64.getEncoder().encodeToString(iv));
            envelope.put("alg", ALGORITHM);
            envelope.put("subject", subject);
            return envelope;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data of subject " + subject, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode open(JsonNode envelope, RecordComponent component) {
        if (withheld()) {
            return placeholder(component.getType(), PersonalData.WITHHELD);
        }
        String subject = envelope.get("subject").asText();
        Optional<byte[]> key = keys.keyForReading(subject);
        if (key.isEmpty()) {
            return erased(component.getType());
        }
        try {
            byte[] iv = Base64.getDecoder().decode(envelope.get("iv").asText());
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key.get(), iv, subject);
            return mapper.readTree(cipher.doFinal(Base64.getDecoder().decode(envelope.get("encrypted").asText())));
        } catch (GeneralSecurityException | IllegalArgumentException | IOException e) {
            // never the value: only which subject and why
            log.error("Personal data of subject {} cannot be decrypted ({}); it reads as erased", subject,
                    e.getClass().getSimpleName());
            return erased(component.getType());
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, String subject) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static boolean isEnvelope(JsonNode value) {
        return value != null && value.isObject() && value.has("encrypted") && value.has("iv")
                && value.has("subject") && ALGORITHM.equals(value.path("alg").asText());
    }

    /** The erased form of a value of {@code type}: every String {@link PersonalData#ERASED}, anything else null. */
    static JsonNode erased(Class<?> type) {
        return placeholder(type, PersonalData.ERASED);
    }

    /** A value of {@code type} whose every String is {@code text} and anything else null. */
    private static JsonNode placeholder(Class<?> type, String text) {
        if (type == String.class) {
            return TextNode.valueOf(text);
        }
        if (type.isRecord()) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (RecordComponent component : type.getRecordComponents()) {
                node.set(component.getName(), component.getType() == String.class
                        ? TextNode.valueOf(text) : NullNode.getInstance());
            }
            return node;
        }
        return NullNode.getInstance();
    }

    /** Whether this unit of work belongs to a processor that does not use personal data ({@link WithholdPersonalData}). */
    private static boolean withheld() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().resources().containsKey(WithholdPersonalData.RESOURCE);
    }

    private record Protection(String subject, List<RecordComponent> personal) {

        static Optional<Protection> of(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            String subject = null;
            List<RecordComponent> personal = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(DataSubject.class)) {
                    subject = component.getName();
                }
                if (component.isAnnotationPresent(PersonalData.class)) {
                    personal.add(component);
                }
            }
            if (personal.isEmpty()) {
                return Optional.empty();
            }
            if (subject == null) {
                throw new IllegalStateException(type.getName() + " has @PersonalData but no @DataSubject");
            }
            return Optional.of(new Protection(subject, List.copyOf(personal)));
        }
    }
}
