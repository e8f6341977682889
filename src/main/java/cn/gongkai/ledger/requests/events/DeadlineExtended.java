package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The answer period was extended once, by at most 20 working days, approved by a reviewer (条例 第三十三条). */
@Revision("1")
public record DeadlineExtended(UUID requestId, int workingDays, String reason, String approvedBy, LocalDate extendedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return extendedOn;
    }
}
