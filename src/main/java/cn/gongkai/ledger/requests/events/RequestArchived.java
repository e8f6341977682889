package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The concluded application's file was archived (归档). */
@Revision("1")
public record RequestArchived(UUID requestId, LocalDate archivedOn) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return archivedOn;
    }
}
