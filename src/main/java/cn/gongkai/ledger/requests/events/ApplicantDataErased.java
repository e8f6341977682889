package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The applicant's personal data was erased after the retention period (个人信息已删除): the
 * application's key was destroyed in the same transaction, so its {@link RequestReceived} now reads
 * the applicant as 已删除. Who erased it is in the metadata; the event itself carries no personal data.
 */
@Revision("1")
public record ApplicantDataErased(UUID requestId, String reason, LocalDate erasedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return erasedOn;
    }
}
