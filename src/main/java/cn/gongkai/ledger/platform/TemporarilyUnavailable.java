package cn.gongkai.ledger.platform;

import java.time.Duration;

/**
 * A rule that holds only for now ({@code ReadModelsCaughtUp}): answered with 503 instead of 422, a
 * {@code Retry-After} header of {@code retryAfter} (whole seconds, at least one) and the rule's
 * message. Nothing is stored.
 */
public class TemporarilyUnavailable extends RuleViolation {

    private final Duration retryAfter;

    public TemporarilyUnavailable(String rule, String messageZh, String messageEn, Duration retryAfter) {
        super(rule, messageZh, messageEn);
        this.retryAfter = retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
