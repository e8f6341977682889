package cn.gongkai.ledger.platform;

import java.time.Duration;

/**
 * The service cannot answer yet but will soon: answered with 503, a {@code Retry-After} header of
 * {@code retryAfter} (whole seconds, at least one) and the rule's message. Nothing is stored.
 */
public class TemporarilyUnavailable extends RuntimeException {

    private final String rule;
    private final String messageZh;
    private final String messageEn;
    private final Duration retryAfter;

    public TemporarilyUnavailable(String rule, String messageZh, String messageEn, Duration retryAfter) {
        super(rule + ": " + messageEn);
        this.rule = rule;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.retryAfter = retryAfter;
    }

    public String rule() {
        return rule;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
