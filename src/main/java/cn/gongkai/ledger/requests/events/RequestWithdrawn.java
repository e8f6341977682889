package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The applicant withdrew the application: concluded as 其他 ({@code OTHER_OTHER}). */
@Revision("1")
public record RequestWithdrawn(UUID requestId, String reason, LocalDate concludedOn) implements RequestConcluded {

    @Override
    public Outcome outcome() {
        return Outcome.OTHER_OTHER;
    }
}
