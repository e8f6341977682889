package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.processing.ParkedLetters;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code deadLetters} in {@code /actuator/health}: {@code DEGRADED} (HTTP 200, see
 * {@code management.endpoint.health.status} in {@code application.yaml}) while any event is parked,
 * with letters and sequences per group as details; {@code UP} when every queue is empty. The service
 * still works then, for every other application: degraded, not down, so that no orchestrator
 * restarts it (a restart cannot help: the letters wait for a fix and a retry).
 */
@Component("deadLetters")
class DeadLetterHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "events are parked in a dead-letter queue");

    private final ParkedLetters letters;

    DeadLetterHealth(ParkedLetters letters) {
        this.letters = letters;
    }

    @Override
    public Health health() {
        Map<String, ParkedLetters.Counts> counts = letters.counts();
        if (counts.isEmpty()) {
            return Health.up().build();
        }
        return Health.status(DEGRADED).withDetails(Map.copyOf(counts)).build();
    }
}
