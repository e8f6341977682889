package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reviewer other than the drafter approved the draft. */
@Revision("1")
public record AnswerApproved(UUID requestId, int draftNumber, String approvedBy, LocalDate approvedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return approvedOn;
    }
}
