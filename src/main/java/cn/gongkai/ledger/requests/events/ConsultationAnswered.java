package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The consulted party answered (or its time ran out); the clock runs again from the next day. */
@Revision("1")
public record ConsultationAnswered(UUID requestId, LocalDate answeredOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return answeredOn;
    }
}
