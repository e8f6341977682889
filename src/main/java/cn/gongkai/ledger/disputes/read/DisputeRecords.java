package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import java.time.LocalDate;
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
        Case current = new Case(filed.requestId(), filed.registrationNumber(), filed.kind(), filed.filedOn(),
                filed.caseNumber(), filed.authority(), null, null, null, false);
        long version = first.getSequenceNumber();
        while (events.hasNext()) {
            DomainEventMessage<?> next = events.next();
            version = next.getSequenceNumber();
            current = switch (next.getPayload()) {
                case DisputeDecided e -> current.decided(e.result(), e.decidedOn(), e.summary());
                case DisputeCorrected e -> new Case(e.requestId(), e.registrationNumber(), e.kind(), e.filedOn(),
                        e.caseNumber(), e.authority(), e.result(), e.decidedOn(), e.summary(), false);
                case DisputeWithdrawn e -> current.asWithdrawn();
                default -> current;
            };
        }
        return Optional.of(current.view(filed.disputeId(), version));
    }

    /** The case as its events so far leave it. */
    private record Case(UUID requestId, String registrationNumber, DisputeKind kind, LocalDate filedOn,
                        String caseNumber, String authority, DisputeResult result, LocalDate decidedOn,
                        String summary, boolean withdrawn) {

        Case decided(DisputeResult decision, LocalDate on, String text) {
            return new Case(requestId, registrationNumber, kind, filedOn, caseNumber, authority, decision, on, text,
                    withdrawn);
        }

        Case asWithdrawn() {
            return new Case(requestId, registrationNumber, kind, filedOn, caseNumber, authority, result, decidedOn,
                    summary, true);
        }

        DisputeView view(UUID disputeId, long version) {
            return new DisputeView(disputeId, requestId, registrationNumber, kind, kind.label(), filedOn, caseNumber,
                    authority, result, result == null ? null : result.label(), decidedOn, summary, version,
                    withdrawn);
        }
    }
}
