package cn.gongkai.ledger.processing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What is parked and what is retried: a failure that will not pass is parked on the batch's next
 * attempt (never in the spoilt transaction of the first), a passing one is always thrown on, and
 * the stored cause holds no text of the failure's own.
 */
class ParkingPolicyTest {

    private static final String GROUP = "request-summary";
    private static final String APPLICATION = UUID.randomUUID().toString();
    private static final EventMessage<?> MESSAGE = new GenericDomainEventMessage<>("InformationRequest", APPLICATION, 0,
            "payload", MetaData.with("agency", "kaifaqu"));

    private final PoisonedEvents poisoned = new PoisonedEvents();
    private final Counter counter = new SimpleMeterRegistry().counter("parked");
    private final ParkingPolicy policy = new ParkingPolicy(GROUP, poisoned, () -> counter);
    private final PoisonedEventGate gate = new PoisonedEventGate(poisoned);

    @Test
    void aDeterministicFailureIsThrownOnFirstThenParkedOnTheNextAttemptWithoutItsMessage() {
        DataIntegrityViolationException failure = new DataIntegrityViolationException(
                "Failing row contains (张三, 410102199001011234)",
                new SQLException("ERROR: new row violates check constraint; Failing row contains (张三)", "23514"));

        assertThatThrownBy(() -> policy.decide(letter(failure), failure)).isSameAs(failure);
        assertThat(counter.count()).isZero();

        PoisonedEvents.Poisoned refused = poisoned.find(GROUP, MESSAGE.getIdentifier()).orElseThrow();
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter(refused), refused);

        assertThat(decision.shouldEnqueue()).isTrue();
        Cause cause = (Cause) decision.enqueueCause().orElseThrow();
        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message()).isEqualTo(
                "DataIntegrityViolationException ← SQLException (SQLSTATE 23514 check_violation)");
        assertThat(cause.message()).doesNotContain("张三", "410102199001011234", "Failing row");
        assertThat(counter.count()).isEqualTo(1.0);
        assertThat(poisoned.find(GROUP, MESSAGE.getIdentifier())).as("forgotten once parked").isEmpty();
    }

    @Test
    void aRememberedEventIsRefusedOnlyInItsOwnGroup() {
        IllegalStateException failure = new IllegalStateException("no summary");
        assertThatThrownBy(() -> policy.decide(letter(failure), failure)).isSameAs(failure);

        assertThat(poisoned.find(GROUP, MESSAGE.getIdentifier())).isPresent();
        assertThat(poisoned.find("audit-trail", MESSAGE.getIdentifier())).isEmpty();
        assertThat(poisoned.find(GROUP, UUID.randomUUID().toString())).isEmpty();
        assertThat(gate).isNotNull();
    }

    @Test
    void passingFailuresAreThrownOnAndNeverRemembered() {
        for (RuntimeException failure : new RuntimeException[] {
                new CannotAcquireLockException("lock"),
                new QueryTimeoutException("slow"),
                new CannotGetJdbcConnectionException("down", new SQLException("refused", "08001")),
                new CannotCreateTransactionException("no connection"),
                new DataIntegrityViolationException("wrapped", new SQLException("deadlock", "40P01")),
                new IllegalStateException("wrapped", new SQLException("aborted", "25P02")),
                new IllegalStateException("wrapped", new SQLException("admin shutdown", "57P01")),
                new IllegalStateException("io", new ConnectException("refused")),
                new org.apache.kafka.common.errors.TimeoutException("broker away")}) {
            assertThatThrownBy(() -> policy.decide(letter(failure), failure)).as(failure.toString()).isSameAs(failure);
            assertThat(ParkingPolicy.isTransient(failure)).as(failure.toString()).isTrue();
        }
        assertThat(poisoned.find(GROUP, MESSAGE.getIdentifier())).isEmpty();
        assertThat(counter.count()).isZero();
    }

    @Test
    void deterministicFailuresAreRecognised() {
        assertThat(ParkingPolicy.isTransient(new DataIntegrityViolationException("nul",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isFalse();
        assertThat(ParkingPolicy.isTransient(new IllegalStateException("no summary"))).isFalse();
        assertThat(ParkingPolicy.isTransient(new NullPointerException())).isFalse();
    }

    @Test
    void aRetriedLetterStaysInTheQueueWhateverTheFailure() {
        JdbcDeadLetter<EventMessage<?>> queued = new JdbcDeadLetter<>(UUID.randomUUID().toString(), 0, APPLICATION,
                Instant.now(), Instant.now(), null, MetaData.emptyInstance(), MESSAGE);

        assertThat(policy.decide(queued, new CannotAcquireLockException("lock")).shouldEnqueue()).isTrue();
        assertThat(policy.decide(queued, new IllegalStateException("still broken")).shouldEnqueue()).isTrue();
        assertThat(counter.count()).as("counted once, when first parked").isZero();
    }

    private static GenericDeadLetter<EventMessage<?>> letter(Throwable cause) {
        return new GenericDeadLetter<>(APPLICATION, MESSAGE, cause);
    }
}
