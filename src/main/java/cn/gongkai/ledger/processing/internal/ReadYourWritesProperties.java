package cn.gongkai.ledger.processing.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a read with {@code X-Consistent-After} waits for its read models
 * ({@code gongkai.read-your-writes.*}; ADR 0014).
 *
 * @param maxWait    the longest a read waits before it answers 503
 * @param retryAfter what the 503's {@code Retry-After} tells the client to wait (whole seconds)
 */
@ConfigurationProperties("gongkai.read-your-writes")
record ReadYourWritesProperties(@DefaultValue("5s") Duration maxWait, @DefaultValue("1s") Duration retryAfter) {
}
