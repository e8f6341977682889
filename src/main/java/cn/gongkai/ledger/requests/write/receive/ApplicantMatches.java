package cn.gongkai.ledger.requests.write.receive;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Possible repeat applications: the same applicant ID number in the same agency, found without decrypting
 * anyone's stored personal data. The registration records a keyed hash of the number beside its event, in
 * the command's own transaction (where the number is still plain, as typed); the erasure of the applicant's
 * personal data deletes it. A warning for the register's page, never a rule: nothing is refused for it.
 */
public interface ApplicantMatches {

    /** For aggregate tests: remembers nothing, finds nothing. */
    ApplicantMatches NONE = new ApplicantMatches() {
        @Override
        public void record(UUID requestId, String agencyId, String registrationNumber, LocalDate receivedOn,
                           String idNumber) {
        }

        @Override
        public void forget(UUID requestId) {
        }

        @Override
        public List<Earlier> earlier(String agencyId, String idNumber, UUID except) {
            return List.of();
        }
    };

    /** An earlier application of the same applicant ID number; {@code statusLabel} null until it is listed. */
    record Earlier(UUID requestId, String registrationNumber, LocalDate receivedOn, String statusLabel) {
    }

    /** Remembers the keyed hash of a registration's ID number; a blank number is not remembered. */
    void record(UUID requestId, String agencyId, String registrationNumber, LocalDate receivedOn, String idNumber);

    /** Remembers the keyed hashes of many registrations of one agency at once (a register import). */
    default void recordAll(String agencyId, List<Registration> registrations) {
        for (Registration registration : registrations) {
            record(registration.requestId(), agencyId, registration.registrationNumber(), registration.receivedOn(),
                    registration.idNumber());
        }
    }

    /** One registration's part in {@link #recordAll}. */
    record Registration(UUID requestId, String registrationNumber, LocalDate receivedOn, String idNumber) {
    }

    /** The applicant's personal data is erased: the hash goes with it. */
    void forget(UUID requestId);

    /** The agency's other applications with the same ID number, newest first. */
    List<Earlier> earlier(String agencyId, String idNumber, UUID except);
}
