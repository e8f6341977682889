package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.ConsultedParty;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A third party or another agency was consulted (条例 第三十二条); the clock pauses after this day. */
@Revision("1")
public record ConsultationStarted(UUID requestId, ConsultedParty party, String consulted, LocalDate startedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
