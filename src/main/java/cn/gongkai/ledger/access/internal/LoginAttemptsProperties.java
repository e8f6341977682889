package cn.gongkai.ledger.access.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins are tolerated before further attempts are refused with 429
 * ({@code gongkai.security.login-attempts.*}). The counts are kept in memory per instance, so with
 * several instances behind a load balancer an attacker gets the allowance once per instance.
 *
 * @param enabled                 whether failed logins are counted and throttled at all
 * @param maxFailuresPerUsername  failures of one username (from any address) within {@code window}
 *                                after which that username is refused until the oldest failure ages out
 * @param maxFailuresPerAddress   failures from one client address (for any usernames) within
 *                                {@code window} after which that address is refused; higher, because
 *                                an office behind one NAT address shares it
 * @param window                  the sliding window the failures are counted in
 * @param maxTrackedKeys          how many usernames and addresses are remembered at most; beyond it,
 *                                the entries whose failures have aged out are dropped first
 */
@ConfigurationProperties("gongkai.security.login-attempts")
public record LoginAttemptsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5") int maxFailuresPerUsername,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window,
        @DefaultValue("100000") int maxTrackedKeys) {

    public LoginAttemptsProperties {
        if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("gongkai.security.login-attempts.max-failures-* must be at least 1");
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("gongkai.security.login-attempts.window must be positive");
        }
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("gongkai.security.login-attempts.max-tracked-keys must be at least 1");
        }
    }
}
