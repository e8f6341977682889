package cn.gongkai.ledger.access.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins slow further attempts down ({@code gongkai.security.login-attempts.*}): after a
 * number of free failures, each further failure doubles the wait before the next attempt is checked
 * (429 until then), up to a cap. The counts are kept in memory per instance, so with several
 * instances behind a load balancer an attacker gets the allowance once per instance.
 *
 * @param enabled                 whether failed logins are counted and throttled at all
 * @param maxFailuresPerUsername  free failures of one username <em>from one client address</em>;
 *                                after them that username from that address waits
 *                                {@code firstDelay}, then twice as long after each further failure
 * @param maxFailuresPerAddress   free failures from one client address for any usernames (password
 *                                spraying); higher, because an office behind one NAT address shares it
 * @param window                  a count is forgotten after this long without a new failure; at least
 *                                {@code maxDelay}
 * @param maxTrackedKeys          how many counts are remembered at most; beyond it, forgotten counts are
 *                                dropped first, then the ones whose last failure is oldest
 * @param firstDelay              the wait after the last free failure
 * @param maxDelay                the longest wait for one (username, address) or one address
 * @param maxFailuresPerUsernameEverywhere free failures of one username summed over all addresses
 *                                (guessing from many addresses)
 * @param maxDelayPerUsername     the longest wait those imposes; it is short and does not apply to an
 *                                address the username logged in from within {@code window}, so that
 *                                failures from elsewhere cannot lock the real user out
 */
@ConfigurationProperties("gongkai.security.login-attempts")
public record LoginAttemptsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int maxFailuresPerUsername,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("100000") int maxTrackedKeys,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("20") int maxFailuresPerUsernameEverywhere,
        @DefaultValue("5s") Duration maxDelayPerUsername) {

    public LoginAttemptsProperties {
        if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1 || maxFailuresPerUsernameEverywhere < 1) {
            throw new IllegalArgumentException("gongkai.security.login-attempts.max-failures-* must be at least 1");
        }
        if (!positive(window) || !positive(firstDelay) || !positive(maxDelay) || !positive(maxDelayPerUsername)) {
            throw new IllegalArgumentException(
                    "gongkai.security.login-attempts.window, first-delay, max-delay, max-delay-per-username must be positive");
        }
        if (maxDelay.compareTo(window) > 0 || maxDelayPerUsername.compareTo(window) > 0
                || firstDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("gongkai.security.login-attempts: first-delay <= max-delay <= window"
                    + " and max-delay-per-username <= window");
        }
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("gongkai.security.login-attempts.max-tracked-keys must be at least 1");
        }
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
