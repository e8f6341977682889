package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The applicant paid the fee, in 分. */
@Revision("1")
public record FeePaid(UUID requestId, long amountFen, LocalDate paidOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
