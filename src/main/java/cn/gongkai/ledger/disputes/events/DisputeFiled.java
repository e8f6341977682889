package cn.gongkai.ledger.disputes.events;

import cn.gongkai.ledger.disputes.DisputeKind;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The applicant sought reconsideration or went to court about a concluded application.
 * {@code registrationNumber} is the application's, copied so that readers need not look it up;
 * {@code caseNumber} (案号) and {@code authority} (the reconsideration body or court) may be null.
 */
@Revision("1")
public record DisputeFiled(
        UUID disputeId,
        UUID requestId,
        String agencyId,
        String registrationNumber,
        DisputeKind kind,
        LocalDate filedOn,
        String caseNumber,
        String authority) implements DisputeEvent {

    @Override
    public LocalDate businessDate() {
        return filedOn;
    }
}
