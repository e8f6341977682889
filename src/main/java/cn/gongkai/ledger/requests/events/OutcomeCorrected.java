package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The recorded outcome was wrong and is corrected after the fact: history is compensated, never edited. */
@Revision("1")
public record OutcomeCorrected(UUID requestId, Outcome previousOutcome, Outcome correctedOutcome, String reason, String correctedBy, LocalDate correctedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return correctedOn;
    }
}
