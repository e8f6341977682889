package cn.gongkai.ledger.requests;

import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * The published lookup of an application's facts, read from its own events: as it stands when
 * asked, never trailing like a read model. The request event stream is read here and in the
 * requests module only (ModularityTest / ArchitectureRulesTest).
 */
@Service
public class Applications {

    private final EventStore eventStore;

    Applications(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The application with this id, of whichever agency; empty if there is none (or the id names another kind of stream). */
    public Optional<ApplicationFacts> facts(UUID requestId) {
        DomainEventStream events = eventStore.readEvents(requestId.toString());
        // only an application's stream starts with RequestReceived
        if (!events.hasNext() || !(events.next().getPayload() instanceof RequestReceived received)) {
            return Optional.empty();
        }
        ApplicationFacts facts = new ApplicationFacts(requestId, received.agencyId(), received.registrationNumber(),
                received.applicantCategory(), received.receivedOn(), received.registeredOn(), null, null);
        while (events.hasNext()) {
            Object event = events.next().getPayload();
            if (event instanceof RequestConcluded concluded) {
                facts = new ApplicationFacts(requestId, facts.agencyId(), facts.registrationNumber(), facts.category(),
                        facts.receivedOn(), facts.registeredOn(), concluded.concludedOn(), concluded.outcome());
            } else if (event instanceof OutcomeCorrected corrected) {
                facts = new ApplicationFacts(requestId, facts.agencyId(), facts.registrationNumber(), facts.category(),
                        facts.receivedOn(), facts.registeredOn(), facts.concludedOn(), corrected.correctedOutcome());
            } else if (event instanceof ApplicantCategoryCorrected corrected) {
                facts = new ApplicationFacts(requestId, facts.agencyId(), facts.registrationNumber(),
                        corrected.correctedCategory(), facts.receivedOn(), facts.registeredOn(), facts.concludedOn(),
                        facts.outcome());
            }
        }
        return Optional.of(facts);
    }
}
