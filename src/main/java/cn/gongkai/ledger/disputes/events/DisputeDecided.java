package cn.gongkai.ledger.disputes.events;

import cn.gongkai.ledger.disputes.DisputeResult;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The reconsideration body or the court decided the case; it counts in part 四 of the year of {@code decidedOn}. */
@Revision("1")
public record DisputeDecided(
        UUID disputeId,
        UUID requestId,
        String agencyId,
        DisputeResult result,
        LocalDate decidedOn,
        String summary) implements DisputeEvent {

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
