package cn.gongkai.ledger.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins slow further attempts down instead of locking anyone out, in this instance's memory.
 * Three counts decide how long an attempt must wait before its password is checked at all:
 *
 * <ul>
 *   <li>per (username, client address): after {@code maxFailuresPerUsername} free failures, the wait
 *       is {@code firstDelay}, doubled by each further failure, up to {@code maxDelay}. This is what
 *       stops guessing one password from one place, and it touches nobody at another address;</li>
 *   <li>per client address, for any usernames (spraying): the same after {@code maxFailuresPerAddress};</li>
 *   <li>per username over every address (guessing from many places): the same after
 *       {@code maxFailuresPerUsernameEverywhere}, but capped at the short {@code maxDelayPerUsername}
 *       and not applied at an address the username logged in from successfully within the window.
 *       So failures from elsewhere delay the real user by a few seconds at most, and not at all
 *       where they are already working.</li>
 * </ul>
 *
 * <p>The wait runs from the last counted failure; attempts refused while waiting are not counted
 * (they never reach the password check), so a caller cannot make the wait longer by hammering, only
 * by failing after each wait. A count is forgotten {@code window} after its wait ended (after its last
 * failure while the failures are free). A success
 * forgets the username's counts (of that address and overall), not the address's, so that an
 * attacker holding one valid account cannot reset the address count between guesses.
 *
 * <p>Unknown usernames are counted exactly like known ones: the answer must not tell which exist.
 * Memory is bounded by {@code maxTrackedKeys}: when full, forgotten counts are dropped first, then
 * the tenth of the counts whose last failure is oldest.
 */
public class LoginAttempts {

    /** Longer usernames are cut for counting, so that junk input cannot fill memory. */
    private static final int MAX_KEY_LENGTH = 128;
    /** Beyond 2^30 the doubling has long reached any sensible cap; also keeps the shift in range. */
    private static final int MAX_DOUBLINGS = 30;

    private final LoginAttemptsProperties limits;
    private final Clock clock;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    public LoginAttempts(LoginAttemptsProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How long the attempt must wait before it may be checked, if it must wait now.
     *
     * @param username the username the client sends, possibly unknown
     * @param address  the client's address, possibly null
     */
    public Optional<Duration> blockedFor(String username, String address) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = longer(wait, waitFor(pairKey(username, address), now));
        if (address != null) {
            wait = longer(wait, waitFor(addressKey(address), now));
        }
        if (!recentlyLoggedIn(username, address, now)) {
            wait = longer(wait, waitFor(usernameKey(username), now));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * How long an attempt without a username (an API token) from this address must wait, if it must:
     * the address's count only, the one that guessing tokens and spraying passwords both raise.
     */
    public Optional<Duration> blockedFor(String address) {
        if (!limits.enabled() || address == null) {
            return Optional.empty();
        }
        Duration wait = waitFor(addressKey(address), clock.instant());
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a refused API token against the address (a token names no username to count against). */
    public void failedFromAddress(String address) {
        if (!limits.enabled() || address == null) {
            return;
        }
        Instant now = clock.instant();
        makeRoom(now, 1);
        count(addressKey(address), limits.maxFailuresPerAddress(), limits.maxDelay(), now);
    }

    /** Counts a failed login against the username at this address, the username, and the address. */
    public void failed(String username, String address) {
        if (!limits.enabled()) {
            return;
        }
        Instant now = clock.instant();
        makeRoom(now, 3);
        count(pairKey(username, address), limits.maxFailuresPerUsername(), limits.maxDelay(), now);
        count(usernameKey(username), limits.maxFailuresPerUsernameEverywhere(), limits.maxDelayPerUsername(), now);
        if (address != null) {
            count(addressKey(address), limits.maxFailuresPerAddress(), limits.maxDelay(), now);
        }
    }

    /**
     * A successful login: the username's failures are forgotten, and the address is remembered as
     * one the user works from, where failures elsewhere do not delay them.
     */
    public void succeeded(String username, String address) {
        counts.remove(pairKey(username, address));
        counts.remove(usernameKey(username));
        if (!limits.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Count known = counts.get(loggedInKey(username, address));
        if (known == null) {
            makeRoom(now, 1);
            counts.put(loggedInKey(username, address), new Count(now));
        } else {
            known.touch(now);
        }
    }

    /** How many counts are held now; for tests of the memory bound. */
    int tracked() {
        return counts.size();
    }

    private boolean recentlyLoggedIn(String username, String address, Instant now) {
        Count known = counts.get(loggedInKey(username, address));
        return known != null && !known.forgotten(now, limits.window());
    }

    private Duration waitFor(String key, Instant now) {
        Count count = counts.get(key);
        if (count == null) {
            return Duration.ZERO;
        }
        synchronized (count) {
            return count.until.isAfter(now) ? Duration.between(now, count.until) : Duration.ZERO;
        }
    }

    /** {@code firstDelay} doubled {@code doublings} times, at most {@code cap}. */
    private Duration delay(int doublings, Duration cap) {
        long first = limits.firstDelay().toMillis();
        long factor = 1L << Math.min(doublings, MAX_DOUBLINGS);
        long millis = first > cap.toMillis() / factor ? cap.toMillis() : first * factor;
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    /** One more failure; after {@code free} of them, the next attempt waits, twice as long each time. */
    private void count(String key, int free, Duration cap, Instant now) {
        Count count = counts.computeIfAbsent(key, k -> new Count(now));
        synchronized (count) {
            if (count.forgotten(now, limits.window())) {
                count.failures = 0;
            }
            if (count.failures < Integer.MAX_VALUE) {
                count.failures++;
            }
            count.until = count.failures < free ? now : now.plus(delay(count.failures - free, cap));
        }
    }

    private void makeRoom(Instant now, int needed) {
        if (counts.size() + needed <= limits.maxTrackedKeys()) {
            return;
        }
        counts.entrySet().removeIf(entry -> entry.getValue().forgotten(now, limits.window()));
        int excess = counts.size() + needed - limits.maxTrackedKeys();
        if (excess > 0) {
            // still full of live counts: drop the oldest tenth at once, so that this sort is rare
            int drop = Math.max(excess, limits.maxTrackedKeys() / 10);
            counts.entrySet().stream()
                    .sorted(Comparator.comparing(entry -> entry.getValue().lastSeen()))
                    .limit(drop)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(counts::remove);
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String normalized(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return normalized.length() > MAX_KEY_LENGTH ? normalized.substring(0, MAX_KEY_LENGTH) : normalized;
    }

    private static String usernameKey(String username) {
        return "user:" + normalized(username);
    }

    private static String pairKey(String username, String address) {
        return "pair:" + address + "\n" + normalized(username);
    }

    private static String loggedInKey(String username, String address) {
        return "ok:" + address + "\n" + normalized(username);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /**
     * Failures since the count was last forgotten, and until when the next attempt must wait (the
     * last failure itself while the failures are free; the login, for an "ok:" entry). Forgotten a
     * window after that, so that waiting out even the longest wait does not reset the count.
     */
    private static final class Count {

        private int failures;
        private Instant until;

        Count(Instant now) {
            this.until = now;
        }

        synchronized boolean forgotten(Instant now, Duration window) {
            return !until.plus(window).isAfter(now);
        }

        synchronized Instant lastSeen() {
            return until;
        }

        synchronized void touch(Instant now) {
            until = now;
        }
    }
}
