package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The applicant was told once what to correct and by when (补正, 条例 第三十条); the clock stops until the correction arrives. */
@Revision("1")
public record CorrectionRequested(UUID requestId, String whatIsUnclear, LocalDate requestedOn, LocalDate correctionDueOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
