package cn.gongkai.ledger.processing;

import cn.gongkai.ledger.access.ActorMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The dead letters of every processing group that has a dead-letter queue
 * ({@code axon.eventhandling.processors.<group>.dlq.enabled=true}), as an administrator sees them,
 * and their retry. One JDBC queue per group, all in the table {@code dead_letter_entry}.
 *
 * <p>A sequence is one aggregate: an application (its id is the application's id), a dispute case,
 * a reporting year. Its first letter is the event the group could not handle, the later ones wait
 * behind it in order. A letter shows ids, type, times and the cause (type and a message built from
 * exception types and SQLSTATEs only, see {@code ParkingPolicy}); never the event's content.
 *
 * <p>Retrying a sequence runs the group's handlers again for its letters in order, each in its own
 * transaction; it stops at the first that fails again, which stays parked with the new cause.
 */
@Component
public class ParkedLetters {

    private static final Logger log = LoggerFactory.getLogger(ParkedLetters.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Set<String> groups;

    ParkedLetters(ObjectProvider<EventProcessingConfiguration> processing, EventProcessorProperties processors) {
        this.processing = processing;
        Set<String> enabled = new TreeSet<>();
        processors.getProcessors().forEach((name, settings) -> {
            if (settings.getDlq() != null && settings.getDlq().isEnabled()) {
                enabled.add(name);
            }
        });
        this.groups = Set.copyOf(enabled);
    }

    /** One parked event, without its content. */
    public record Letter(String eventId, long sequence, String type, Instant enqueuedAt, Instant lastTouched,
                         String causeType, String causeMessage) {
    }

    /** One aggregate's parked events in one group, in order. */
    public record Sequence(String group, String sequenceId, String agencyId, List<Letter> letters) {
    }

    /** The processing groups that park events, sorted by name. */
    public Set<String> groups() {
        return new TreeSet<>(groups);
    }

    public boolean hasQueue(String group) {
        return groups.contains(group);
    }

    /** The sequences of one agency in one group. */
    public List<Sequence> ofAgency(String group, String agencyId) {
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
            Sequence read = read(group, sequence);
            if (read != null && agencyId.equals(read.agencyId())) {
                sequences.add(read);
            }
        }
        return sequences;
    }

    /** One sequence of a group, if it is parked and belongs to that agency. */
    public Optional<Sequence> find(String group, String agencyId, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(sequenceId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(group, queue.deadLetterSequence(sequenceId)))
                .filter(sequence -> agencyId.equals(sequence.agencyId()));
    }

    /** Whether any of {@code groups} has a letter of that agency parked. */
    public boolean anyParked(String agencyId, String... groupsToCheck) {
        for (String group : groupsToCheck) {
            if (hasQueue(group) && queue(group).size() > 0 && !ofAgency(group, agencyId).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Handles the sequence's letters again, in order. Returns whether all were handled; if not,
     * the first that failed and those after it stay in the queue. A failure that leaves nothing to
     * record (the database refused the transaction) leaves the letters as they were.
     */
    public boolean retry(String group, String sequenceId, String administrator) {
        boolean handled;
        try {
            handled = processor(group).process(letter -> sequenceId.equals(sequenceIdOf(letter)));
        } catch (RuntimeException e) {
            log.warn("retrying the dead letters of {} in {} (by {}) failed: {}; they stay parked", sequenceId, group,
                    administrator, e.getClass().getName());
            return false;
        }
        if (handled) {
            log.info("dead letters of {} in {} handled on retry by {}", sequenceId, group, administrator);
        } else {
            log.warn("dead letters of {} in {} retried by {}: not all handled, the rest stay parked", sequenceId,
                    group, administrator);
        }
        return handled;
    }

    /** Letters in the group's queue, held-back ones included. */
    public long size(String group) {
        return queue(group).size();
    }

    /** Letters and sequences per group, for the groups that have any. */
    public Map<String, Counts> counts() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (String group : groups()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            long letters = queue.size();
            if (letters > 0) {
                counts.put(group, new Counts(letters, queue.amountOfSequences()));
            }
        }
        return counts;
    }

    /** How much one group has parked. */
    public record Counts(long letters, long sequences) {
    }

    private static Sequence read(String group, Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        String sequenceId = null;
        String agencyId = null;
        List<Letter> letters = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
            EventMessage<?> message = letter.message();
            if (sequenceId == null) {
                sequenceId = sequenceIdOf(letter);
                agencyId = Objects.toString(message.getMetaData().get(ActorMetaData.AGENCY), null);
            }
            letters.add(new Letter(
                    message.getIdentifier(),
                    message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1,
                    message.getPayloadType().getSimpleName(),
                    letter.enqueuedAt(),
                    letter.lastTouched(),
                    letter.cause().map(Cause::type).orElse(null),
                    letter.cause().map(Cause::message).orElse(null)));
        }
        return sequenceId == null ? null : new Sequence(group, sequenceId, agencyId, letters);
    }

    /** The aggregate a letter belongs to: every queue is sequenced per aggregate (Axon's default policy). */
    private static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        return letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.getObject().deadLetterQueue(group).orElseThrow(() -> notEnabled(group));
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String group) {
        return processing.getObject().sequencedDeadLetterProcessor(group).orElseThrow(() -> notEnabled(group));
    }

    private static IllegalStateException notEnabled(String group) {
        return new IllegalStateException("the processing group " + group + " has no dead-letter queue: set"
                + " axon.eventhandling.processors." + group + ".dlq.enabled=true");
    }
}
