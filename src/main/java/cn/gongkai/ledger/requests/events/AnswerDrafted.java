package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A case handler drafted an answer; it goes out only after another person approves it (编审分离). */
@Revision("1")
public record AnswerDrafted(UUID requestId, int draftNumber, Outcome outcome, String legalBasis, String text, String draftedBy, LocalDate draftedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return draftedOn;
    }
}
