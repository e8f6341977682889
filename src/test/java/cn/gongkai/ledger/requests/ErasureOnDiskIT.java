package cn.gongkai.ledger.requests;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.KeyEncryptionKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Erasure holds on disk (issue 9, finding 7; ADR 0012): an attacker with the disks of the database
 * and of the service (the data directory's files after a {@code CHECKPOINT}, every WAL segment, the
 * key file's directory) tries every plausible key in those bytes: each 32-byte window as the
 * application's key, each 60-byte window as its wrapped key under every key-encryption key found on
 * disk. Right after the erasure the erased key's old row version and its WAL record still open the
 * applicant's stored event with the key file's current version; after the rotation nothing does.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {"gongkai.test.database=erasure-on-disk", "gongkai.personal-data.retention=P1D"})
class ErasureOnDiskIT {

    private static final Logger log = LoggerFactory.getLogger(ErasureOnDiskIT.class);
    /** The name in {@link ApplicationSteps#register}'s applicant, found in what the attacker decrypts. */
    private static final String NAME = "张三";
    private static final String ID_NUMBER = "410102199001011234";
    private static final int KEY_BYTES = 32;
    private static final int WRAPPED_BYTES = 12 + KEY_BYTES + 16;
    /** How far around each mention of the application in the WAL a key is looked for. */
    private static final int NEAR = 2048;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Autowired
    KeyEncryptionKeys keks;

    JdbcClient superuser;
    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = BusinessClock.today(clock);
        superuser = TestDatabase.superuser(environment);
    }

    @Test
    void afterTheErasureAndTheRotationTheBytesOnDiskNoLongerDecryptTheApplicant() {
        String erased = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, erased, "DISCLOSED", today.minusDays(1));
        String kept = ApplicationSteps.register(api, today.minusDays(2));
        Response erasure = api.post("admin-kaifaqu", "/api/requests/" + erased + "/personal-data-erasure",
                "{\"reason\":\"保存期限届满\"}");
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
        assertThat(api.get("admin-kaifaqu", "/api/admin/personal-data-keys").json().get("rotationDue").asBoolean())
                .isTrue();

        Attack beforeRotation = attack(erased);

        assertThat(beforeRotation.envelopes()).as("the stored event's envelopes").hasSizeGreaterThanOrEqualTo(2);
        assertThat(beforeRotation.decryptedBy().keySet()).as("what opened the applicant before the rotation")
                .contains("key table", "WAL");
        assertThat(beforeRotation.revealsTheApplicant()).as("the name and ID number decrypted").isTrue();

        Response rotation = api.post("admin-kaifaqu", "/api/admin/personal-data-keys/rotation", "{}");
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
        assertThat(rotation.json().get("destroyedVersions")).isNotEmpty();
        Attack afterRotation = attack(erased);

        assertThat(afterRotation.envelopes()).isEqualTo(beforeRotation.envelopes());
        assertThat(afterRotation.keks()).as("key-encryption keys on disk").isNotEmpty();
        assertThat(afterRotation.windows()).as("candidates tried").isGreaterThan(beforeRotation.windows() / 2);
        // only where from, never the values: they would reach the build output, which must not hold test applicants
        assertThat(afterRotation.decryptedBy().keySet()).as("what opened the applicant after the rotation").isEmpty();
        assertThat(afterRotation.revealsTheApplicant()).isFalse();
        JsonNode keptView = api.get("handler-kaifaqu", "/api/requests/" + kept).json();
        assertThat(keptView.get("applicant").get("name").asString()).isEqualTo(NAME);
        assertThat(keptView.get("informationRequested").asString()).isNotEqualTo("已删除");
        JsonNode status = api.get("admin-kaifaqu", "/api/admin/personal-data-keys").json();
        assertThat(status.get("rotationDue").asBoolean()).isFalse();
        assertThat(status.get("versionsInKeyFile")).hasSize(1);
    }

    @Test
    void theKeyFileIsTheOwnersAloneAndARotationInterruptedAfterItsNewVersionLosesNoKey() throws IOException {
        String id = ApplicationSteps.register(api, today.minusDays(2));
        Path keyFile = Path.of(environment.getRequiredProperty("gongkai.personal-data.key-file"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        // a rotation that stopped after adding its version to the file, before its rewrap committed
        int added = keks.addVersion();

        assertThat(api.get("handler-kaifaqu", "/api/requests/" + id).json().get("applicant").get("name").asString())
                .isEqualTo(NAME);
        Response rotation = api.post("admin-kaifaqu", "/api/admin/personal-data-keys/rotation", "{}");
        assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
        assertThat(rotation.json().get("kekVersion").asInt()).isEqualTo(added);
        assertThat(keks.versions()).containsExactly(added);
        assertThat(api.get("handler-kaifaqu", "/api/requests/" + id).json().get("applicant").get("name").asString())
                .isEqualTo(NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    // ---- the attacker -----------------------------------------------------------------------------

    /**
     * What an attacker with the disks finds: the stored event's envelopes of the subject, the
     * key-encryption keys, how many windows were tried, and which files' bytes opened an envelope.
     */
    private record Attack(Set<String> envelopes, Map<Integer, byte[]> keks, long windows,
                          Map<String, List<String>> decryptedBy) {

        boolean revealsTheApplicant() {
            return decryptedBy.values().stream().flatMap(List::stream)
                    .anyMatch(text -> text.contains(NAME) && text.contains(ID_NUMBER));
        }
    }

    private Attack attack(String subject) {
        superuser.sql("checkpoint").update();
        Path data = Path.of(superuser.sql("show data_directory").query(String.class).single());
        Path keyTable = data.resolve(relationFile("personal_data_key"));
        Path eventTable = data.resolve(relationFile("domain_event_entry"));
        List<Path> wal = files(data.resolve("pg_wal"));
        byte[] subjectBytes = subject.getBytes(StandardCharsets.US_ASCII);

        List<Envelope> envelopes = new ArrayList<>();
        for (Path file : concat(List.of(eventTable), wal)) {
            envelopes.addAll(Envelope.in(read(file), subject));
        }
        Map<Integer, byte[]> keks = keksOnDisk(Path.of(environment.getRequiredProperty(
                "gongkai.personal-data.key-file")).getParent());

        Map<String, List<String>> decryptedBy = new LinkedHashMap<>();
        long windows = 0;
        byte[] table = read(keyTable);
        BitSet all = new BitSet();
        all.set(0, table.length);
        windows += tryWindows(table, all, subject, envelopes.getFirst(), keks, decryptedBy, "key table");
        for (Path segment : wal) {
            byte[] bytes = read(segment);
            BitSet near = new BitSet();
            for (int at = indexOf(bytes, subjectBytes, 0); at >= 0; at = indexOf(bytes, subjectBytes, at + 1)) {
                near.set(Math.max(0, at - NEAR), Math.min(bytes.length, at + NEAR));
            }
            windows += tryWindows(bytes, near, subject, envelopes.getFirst(), keks, decryptedBy, "WAL");
        }
        Set<String> found = new LinkedHashSet<>();
        envelopes.forEach(envelope -> found.add(envelope.encrypted()));
        // counts and sources only: the decrypted values are test personal data, kept out of the build output
        log.info("Attack on the disk: {} envelopes, key-encryption key versions {} on disk, {} windows tried,"
                + " opened by {}", found.size(), keks.keySet(), windows, decryptedBy.keySet());
        return new Attack(found, keks, windows, decryptedBy);
    }

    /** Tries each window at the offsets in {@code at} as a key and as a wrapped key; records what opens the envelope. */
    private static long tryWindows(byte[] bytes, BitSet at, String subject, Envelope envelope, Map<Integer, byte[]> keks,
                                   Map<String, List<String>> decryptedBy, String source) {
        long tried = 0;
        for (int offset = at.nextSetBit(0); offset >= 0 && offset + KEY_BYTES <= bytes.length;
             offset = at.nextSetBit(offset + 1)) {
            tried++;
            byte[] key = java.util.Arrays.copyOfRange(bytes, offset, offset + KEY_BYTES);
            envelope.open(key, subject).ifPresent(text -> decryptedBy.computeIfAbsent(source, s -> new ArrayList<>())
                    .add(text));
            if (offset + WRAPPED_BYTES > bytes.length) {
                continue;
            }
            byte[] wrapped = java.util.Arrays.copyOfRange(bytes, offset, offset + WRAPPED_BYTES);
            for (Map.Entry<Integer, byte[]> kek : keks.entrySet()) {
                unwrap(kek.getValue(), kek.getKey(), wrapped, subject).flatMap(unwrapped -> envelope.open(unwrapped, subject))
                        .ifPresent(text -> decryptedBy.computeIfAbsent(source, s -> new ArrayList<>()).add(text));
            }
        }
        return tried;
    }

    /** Every {@code kek.N=…} line in any file of the key file's directory, leftovers included. */
    private static Map<Integer, byte[]> keksOnDisk(Path directory) {
        Pattern line = Pattern.compile("kek\\.(\\d+)=([A-Za-z0-9+/=]+)");
        Map<Integer, byte[]> keks = new LinkedHashMap<>();
        for (Path file : files(directory)) {
            Matcher matcher = line.matcher(new String(read(file), StandardCharsets.ISO_8859_1));
            while (matcher.find()) {
                keks.put(Integer.parseInt(matcher.group(1)), Base64.getDecoder().decode(matcher.group(2)));
            }
        }
        return keks;
    }

    private static java.util.Optional<byte[]> unwrap(byte[] kek, int version, byte[] wrapped, String subject) {
        return gcm(kek, java.util.Arrays.copyOf(wrapped, 12), java.util.Arrays.copyOfRange(wrapped, 12, wrapped.length),
                "gongkai-personal-data-key|" + version + "|" + subject);
    }

    private static java.util.Optional<byte[]> gcm(byte[] key, byte[] iv, byte[] sealed, String aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return java.util.Optional.of(cipher.doFinal(sealed));
        } catch (GeneralSecurityException e) {
            return java.util.Optional.empty();
        }
    }

    /** One personal value as stored in an event: {@code {"encrypted":…,"iv":…,"alg":"AES-256-GCM","subject":…}}. */
    private record Envelope(String encrypted, String iv) {

        static List<Envelope> in(byte[] bytes, String subject) {
            Matcher matcher = Pattern.compile("\\{\"encrypted\":\"([A-Za-z0-9+/=]+)\",\"iv\":\"([A-Za-z0-9+/=]+)\","
                    + "\"alg\":\"AES-256-GCM\",\"subject\":\"" + Pattern.quote(subject) + "\"}")
                    .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
            List<Envelope> found = new ArrayList<>();
            while (matcher.find()) {
                found.add(new Envelope(matcher.group(1), matcher.group(2)));
            }
            return found;
        }

        java.util.Optional<String> open(byte[] key, String subject) {
            return gcm(key, Base64.getDecoder().decode(iv), Base64.getDecoder().decode(encrypted), subject)
                    .map(plain -> new String(plain, StandardCharsets.UTF_8));
        }
    }

    private String relationFile(String table) {
        return superuser.sql("select pg_relation_filepath(?)").param(table).query(String.class).single();
    }

    private static List<Path> files(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
