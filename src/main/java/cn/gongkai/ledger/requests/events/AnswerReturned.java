package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reviewer sent the draft back, with a reason. */
@Revision("1")
public record AnswerReturned(UUID requestId, int draftNumber, String reason, String returnedBy, LocalDate returnedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return returnedOn;
    }
}
