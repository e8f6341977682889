package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.platform.PersonalDataKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rendered letters, kept encrypted with their application's personal-data key (AES-256-GCM, a
 * random IV per file, the notice, format and application as additional authenticated data): a letter
 * names and addresses the applicant, so erasing the applicant's data (destroying that key, ADR 0009)
 * must make the letters unreadable too. Rows are append-only; {@code NoticeIssued} keeps each file's
 * SHA-256, which outlives the key.
 */
@Component
class NoticeFiles {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalDataKeys keys;

    NoticeFiles(JdbcClient jdbc, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Whether the application's key still exists, i.e. its personal data was not erased. */
    boolean readable(UUID requestId) {
        return keys.keyForReading(requestId.toString()).isPresent();
    }

    /** Stores a file in the caller's transaction. */
    void store(UUID requestId, UUID noticeId, NoticeFormat format, byte[] content) {
        byte[] key = keys.keyForWriting(requestId.toString());
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, key, iv, aad(requestId, noticeId, format), content);
        jdbc.sql("""
                        insert into notice_file (notice_id, format, request_id, iv, ciphertext)
                        values (:notice, :format, :request, :iv, :ciphertext)""")
                .param("notice", noticeId).param("format", format.name()).param("request", requestId)
                .param("iv", iv).param("ciphertext", ciphertext)
                .update();
    }

    /**
     * The file as issued; empty if there is none of this format, or if its application's key was
     * erased (then it can never be read again).
     */
    Optional<byte[]> read(UUID requestId, UUID noticeId, NoticeFormat format) {
        Optional<byte[]> key = keys.keyForReading(requestId.toString());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select iv, ciphertext from notice_file where notice_id = :notice and format = :format"
                        + " and request_id = :request")
                .param("notice", noticeId).param("format", format.name()).param("request", requestId)
                .query((rs, n) -> crypt(Cipher.DECRYPT_MODE, key.get(), rs.getBytes(1),
                        aad(requestId, noticeId, format), rs.getBytes(2)))
                .optional();
    }

    /** Whether a file of this notice is stored at all (readable or not). */
    boolean stored(UUID noticeId, NoticeFormat format) {
        return jdbc.sql("select count(*) from notice_file where notice_id = :notice and format = :format")
                .param("notice", noticeId).param("format", format.name())
                .query(Long.class).single() > 0;
    }

    private static byte[] aad(UUID requestId, UUID noticeId, NoticeFormat format) {
        return ("notice:" + requestId + ":" + noticeId + ":" + format.name()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a notice file cannot be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted"), e);
        }
    }
}
