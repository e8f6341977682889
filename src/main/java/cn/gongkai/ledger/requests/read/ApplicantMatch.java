package cn.gongkai.ledger.requests.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds possible repeat applications (same applicant ID number) without decrypting anyone's stored personal
 * data: the list read model keeps, beside each application, an HMAC-SHA256 of its normalized ID number
 * ({@code request_summary.applicant_match}, written by {@link RequestSummaryProjection} from the event it
 * is handed, cleared when the personal data is erased), and a new registration's typed number is hashed the
 * same way and looked up. The HMAC key is in a file outside the database
 * ({@code gongkai.applicant-match.key-file}, by default the personal-data key file's path + {@code .match},
 * created 0600 on first start): a copy of the database alone cannot test guessed ID numbers against it.
 */
@Component
public class ApplicantMatch {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final JdbcClient jdbc;

    ApplicantMatch(@Value("${gongkai.applicant-match.key-file:${gongkai.personal-data.key-file}.match}") Path keyFile,
                   JdbcClient jdbc) {
        this.key = new SecretKeySpec(loadOrCreate(keyFile), ALGORITHM);
        this.jdbc = jdbc;
    }

    /** An earlier application of the same applicant ID number. */
    public record Earlier(UUID requestId, String registrationNumber, java.time.LocalDate receivedOn,
                          String statusLabel) {
    }

    /** The keyed hash of an ID number, or empty for a blank one. Spaces and the case of a final X do not count. */
    public Optional<String> of(String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        String normalized = idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The agency's other applications with the same ID number, newest first. */
    public List<Earlier> earlier(String agencyId, String idNumber, UUID except) {
        Optional<String> match = of(idNumber);
        if (match.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select request_id, registration_number, received_on, status from request_summary
                        where agency_id = :agency and applicant_match = :match and request_id <> :except
                        order by received_on desc, registration_number desc limit 20""")
                .param("agency", agencyId)
                .param("match", match.get())
                .param("except", except)
                .query((rs, row) -> new Earlier(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class),
                        cn.gongkai.ledger.requests.RequestStatus.valueOf(rs.getString(4)).label()))
                .list();
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, "# Gongkai Ledger: the key of the applicant ID number match (secret)\n"
                            + Base64.getEncoder().encodeToString(fresh) + "\n");
                } catch (FileAlreadyExistsException another) {
                    // another instance created it first: read theirs
                }
            }
            String encoded = Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no key in " + file));
            return Base64.getDecoder().decode(encoded.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the applicant match key file " + file, e);
        }
    }
}
