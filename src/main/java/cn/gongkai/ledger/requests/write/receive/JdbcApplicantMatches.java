package cn.gongkai.ledger.requests.write.receive;

import cn.gongkai.ledger.requests.RequestStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ApplicantMatches} in {@code applicant_match}: an HMAC-SHA256 of the normalized ID number (spaces
 * dropped, a final x upper-cased). The key is in a file outside the database
 * ({@code gongkai.applicant-match.key-file}, by default the personal-data key file's path + {@code .match},
 * created 0600 on first start): a copy of the database alone cannot test guessed ID numbers against it.
 */
@Component
class JdbcApplicantMatches implements ApplicantMatches {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    JdbcApplicantMatches(
            @Value("${gongkai.applicant-match.key-file:${gongkai.personal-data.key-file}.match}") Path keyFile,
            JdbcClient jdbc, JdbcTemplate batch) {
        this.key = new SecretKeySpec(loadOrCreate(keyFile), ALGORITHM);
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void record(UUID requestId, String agencyId, String registrationNumber, LocalDate receivedOn,
                       String idNumber) {
        hash(idNumber).ifPresent(match -> jdbc.sql("""
                        insert into applicant_match (request_id, agency_id, match, registration_number, received_on)
                        values (:id, :agency, :match, :number, :received) on conflict (request_id) do nothing""")
                .param("id", requestId).param("agency", agencyId).param("match", match)
                .param("number", registrationNumber).param("received", receivedOn)
                .update());
    }

    @Override
    public void recordAll(String agencyId, List<Registration> registrations) {
        List<Object[]> rows = new ArrayList<>(registrations.size());
        for (Registration registration : registrations) {
            hash(registration.idNumber()).ifPresent(match -> rows.add(new Object[] {registration.requestId(), agencyId,
                    match, registration.registrationNumber(), registration.receivedOn()}));
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into applicant_match (request_id, agency_id, match, registration_number, received_on)
                    values (?, ?, ?, ?, ?) on conflict (request_id) do nothing""", rows);
        }
    }

    @Override
    public void forget(UUID requestId) {
        jdbc.sql("delete from applicant_match where request_id = :id").param("id", requestId).update();
    }

    @Override
    public List<Earlier> earlier(String agencyId, String idNumber, UUID except) {
        Optional<String> match = hash(idNumber);
        if (match.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select m.request_id, m.registration_number, m.received_on, s.status
                        from applicant_match m left join request_summary s on s.request_id = m.request_id
                        where m.agency_id = :agency and m.match = :match and m.request_id <> :except
                        order by m.received_on desc, m.registration_number desc limit 20""")
                .param("agency", agencyId).param("match", match.get()).param("except", except)
                .query((rs, row) -> new Earlier(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4) == null ? null : RequestStatus.valueOf(rs.getString(4)).label()))
                .list();
    }

    private Optional<String> hash(String idNumber) {
        String normalized = idNumber == null ? "" : idNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
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
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
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
