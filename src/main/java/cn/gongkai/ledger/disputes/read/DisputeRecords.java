package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * One case read straight from the event store, so that it is current the moment a command returns
 * (the list read model may trail it).
 */
@Component
public class DisputeRecords {

    private final EventStore eventStore;

    DisputeRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The case, if it exists and belongs to {@code agencyId}; a case of another agency is not found. */
    public Optional<DisputeView> find(UUID disputeId, String agencyId) {
        DomainEventStream events = eventStore.readEvents(disputeId.toString());
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof DisputeFiled filed) || !filed.agencyId().equals(agencyId)) {
            return Optional.empty();
        }
        DisputeDecided decided = null;
        long version = first.getSequenceNumber();
        while (events.hasNext()) {
            DomainEventMessage<?> next = events.next();
            version = next.getSequenceNumber();
            if (next.getPayload() instanceof DisputeDecided decision) {
                decided = decision;
            }
        }
        return Optional.of(new DisputeView(filed.disputeId(), filed.requestId(), filed.registrationNumber(),
                filed.kind(), filed.kind().label(), filed.filedOn(), filed.caseNumber(), filed.authority(),
                decided == null ? null : decided.result(),
                decided == null ? null : decided.result().label(),
                decided == null ? null : decided.decidedOn(),
                decided == null ? null : decided.summary(),
                version));
    }
}
