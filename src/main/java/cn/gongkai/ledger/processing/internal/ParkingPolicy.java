package cn.gongkai.ledger.processing.internal;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * The enqueue policy of a projection's processing group: parks only what will fail again.
 *
 * <ul>
 *   <li>A <b>passing</b> failure (lost connection, lock or serialization conflict, timeout, a
 *       statement cancelled, a broker away; see {@link #isTransient}) is thrown on: the batch rolls
 *       back and the processor retries it after its back-off, exactly as without a queue. A passing
 *       fault must delay events, never park them.</li>
 *   <li>A <b>deterministic</b> failure (a constraint, text PostgreSQL cannot hold, a payload that
 *       cannot be read, a bug) is parked with the event's sequence: first noted in
 *       {@link PoisonedEvents} and thrown on (the transaction is spoilt), then parked on the batch's
 *       next attempt, when {@link PoisonedEventGate} refuses the event with
 *       {@link PoisonedEvents.Poisoned}. Counted once, logged once at ERROR with ids only.</li>
 *   <li>A letter being <b>retried</b> from the queue stays there whatever the failure, with the new
 *       cause.</li>
 * </ul>
 *
 * <p>The stored cause never holds an exception's message: PostgreSQL's say "Failing row contains
 * (…)", and a failing row holds what users typed. {@link #describe} keeps the exception types and
 * SQLSTATEs only.
 */
final class ParkingPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ParkingPolicy.class);

    /** SQLSTATE classes of passing trouble: connection, transaction rollback, resources, operator, system, lock. */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "40", "53", "57", "58", "XX", "55P03",
            "25P02");
    private static final Map<String, String> SQL_STATE_NAMES = Map.ofEntries(
            Map.entry("22001", "string_data_right_truncation"),
            Map.entry("22003", "numeric_value_out_of_range"),
            Map.entry("22008", "datetime_field_overflow"),
            Map.entry("22021", "character_not_in_repertoire"),
            Map.entry("22P02", "invalid_text_representation"),
            Map.entry("22P05", "untranslatable_character"),
            Map.entry("23502", "not_null_violation"),
            Map.entry("23503", "foreign_key_violation"),
            Map.entry("23505", "unique_violation"),
            Map.entry("23514", "check_violation"),
            Map.entry("42P01", "undefined_table"),
            Map.entry("42703", "undefined_column"));

    private final String group;
    private final PoisonedEvents poisoned;
    private final Supplier<Counter> parked;

    ParkingPolicy(String group, PoisonedEvents poisoned, Supplier<Counter> parked) {
        this.group = group;
        this.poisoned = poisoned;
        this.parked = parked;
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> message = letter.message();
        if (letter instanceof JdbcDeadLetter<?>) {
            // read from the queue: an administrator's retry
            log.warn("Retrying the dead letter of event {} in {} failed ({}); it stays in the dead-letter queue",
                    message.getIdentifier(), group, describe(cause));
            return Decisions.requeue(new ThrowableCause(typeOf(cause), describe(cause)));
        }
        if (cause instanceof PoisonedEvents.Poisoned known) {
            poisoned.forget(group, message.getIdentifier());
            parked.get().increment();
            log.error("DEAD LETTER: event {} ({}, {}) cannot be handled by {}: {}. It is in the dead-letter queue of"
                            + " {}, and the later events of {} wait behind it; the others go on. An administrator"
                            + " retries it after the fix with POST /api/admin/dead-letters/{}/{}/retry",
                    message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregateOf(message), group,
                    known.causeMessage(), group, aggregateOf(message), group, aggregateOf(message));
            return Decisions.enqueue(new ThrowableCause(known.causeType(), known.causeMessage()));
        }
        if (isTransient(cause)) {
            throw rethrown(cause, message);
        }
        poisoned.remember(group, message.getIdentifier(), typeOf(cause), describe(cause));
        log.warn("event {} ({}) failed in {} for a reason that will not pass ({}); the batch is retried and the"
                        + " event parked then", message.getIdentifier(), message.getPayloadType().getSimpleName(), group,
                describe(cause));
        throw rethrown(cause, message);
    }

    /**
     * Whether a failure may pass by itself: anything in its causes that is a transient or
     * recoverable data-access or transaction problem, a connection's, a lock's or a timeout's, an
     * I/O error, one of Axon's transient exceptions, anything from the Kafka client, an interrupt,
     * or an {@link Error} (out of memory is no verdict on the event).
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof TransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof AxonTransientException || cause instanceof IOException
                    || cause instanceof java.util.concurrent.TimeoutException || cause instanceof InterruptedException
                    || cause instanceof Error
                    || cause.getClass().getName().startsWith("org.apache.kafka.")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure without content: its chain of exception types, and for a database error its
     * SQLSTATE (with PostgreSQL's name for the common ones). For example
     * {@code DataIntegrityViolationException ← PSQLException (SQLSTATE 23514 check_violation)}.
     */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable cause = failure; cause != null && parts.size() < 6;
             cause = cause.getCause() == cause ? null : cause.getCause()) {
            String part = cause instanceof PoisonedEvents.Poisoned poisoned ? poisoned.causeMessage()
                    : cause.getClass().getSimpleName();
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String name = SQL_STATE_NAMES.get(sql.getSQLState());
                part += " (SQLSTATE " + sql.getSQLState() + (name == null ? "" : " " + name) + ")";
            }
            parts.add(part);
        }
        return String.join(" ← ", parts);
    }

    private static String typeOf(Throwable cause) {
        return cause instanceof PoisonedEvents.Poisoned poisoned ? poisoned.causeType() : cause.getClass().getName();
    }

    private static String aggregateOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
    }

    private RuntimeException rethrown(Throwable cause, EventMessage<?> message) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("handling event " + message.getIdentifier() + " in " + group + " failed",
                cause);
    }
}
