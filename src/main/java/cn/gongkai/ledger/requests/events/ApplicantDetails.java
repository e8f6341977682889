package cn.gongkai.ledger.requests.events;

/**
 * The applicant's personal data. It never leaves the request register: not to Kafka, not to logs,
 * which is why {@link #toString()} hides it. The event store keeps it encrypted with its application's
 * key; once that key is erased, every field reads 已删除 (ADR 0009).
 */
public record ApplicantDetails(String name, String idDocumentType, String idNumber, String phone, String address) {

    @Override
    public String toString() {
        return "ApplicantDetails[personal data withheld]";
    }
}
