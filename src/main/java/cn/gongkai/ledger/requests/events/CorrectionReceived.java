package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The corrected application arrived: the answer period starts again from this day. */
@Revision("1")
public record CorrectionReceived(UUID requestId, LocalDate receivedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
