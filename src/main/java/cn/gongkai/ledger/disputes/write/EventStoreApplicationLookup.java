package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads the application's own events from the event store, so that a case is checked against the
 * application as it stands when the command runs, not against a read model that may trail it.
 */
@Component
class EventStoreApplicationLookup implements ApplicationLookup {

    private final EventStore eventStore;

    EventStoreApplicationLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<ApplicationOnFile> find(UUID requestId) {
        DomainEventStream events = eventStore.readEvents(requestId.toString());
        // the id may name a stream of another kind (a dispute): only an application starts with RequestReceived
        if (!events.hasNext() || !(events.next().getPayload() instanceof RequestReceived received)) {
            return Optional.empty();
        }
        LocalDate concludedOn = null;
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof RequestConcluded concluded) {
                concludedOn = concluded.concludedOn();
            }
        }
        return Optional.of(new ApplicationOnFile(requestId, received.agencyId(), received.registrationNumber(),
                received.receivedOn(), concludedOn));
    }
}
