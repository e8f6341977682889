package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The fee was waived, with a reason. */
@Revision("1")
public record FeeWaived(UUID requestId, String reason, LocalDate waivedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return waivedOn;
    }
}
