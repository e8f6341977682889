package cn.gongkai.ledger.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per username and per client address in a sliding window, in this instance's
 * memory. A username or address with too many recent failures is blocked until the oldest of them
 * leaves the window; a successful login clears the username's failures, but not the address's, so
 * that an attacker holding one valid account cannot reset the address count between guesses.
 *
 * <p>Unknown usernames are counted exactly like known ones: the answer must not tell which exist.
 */
public class LoginAttempts {

    /** Longer usernames are cut for counting, so that junk input cannot fill memory. */
    private static final int MAX_KEY_LENGTH = 128;

    private final LoginAttemptsProperties limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginAttempts(LoginAttemptsProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * How long the attempt must wait, if the username or the address is blocked now.
     *
     * @param username the username the client sends, possibly unknown
     * @param address  the client's address, possibly null
     */
    public Optional<Duration> blockedFor(String username, String address) {
        if (!limits.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Duration> byUser = wait(usernameKey(username), limits.maxFailuresPerUsername(), now);
        Optional<Duration> byAddress = address == null ? Optional.empty()
                : wait(addressKey(address), limits.maxFailuresPerAddress(), now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().compareTo(byAddress.get()) >= 0 ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** Counts a failed login against the username and, if known, the address. */
    public void failed(String username, String address) {
        if (!limits.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (failures.size() >= limits.maxTrackedKeys()) {
            forgetAgedOut(now);
        }
        record(usernameKey(username), limits.maxFailuresPerUsername(), now);
        if (address != null) {
            record(addressKey(address), limits.maxFailuresPerAddress(), now);
        }
    }

    /** A successful login: the username's failures are forgotten. */
    public void succeeded(String username) {
        failures.remove(usernameKey(username));
    }

    private Optional<Duration> wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            dropAgedOut(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            // blocked until enough failures have aged out to bring the count below the limit
            Instant oldestCounted = times.stream().skip(times.size() - max).findFirst().orElseThrow();
            return Optional.of(Duration.between(now, oldestCounted.plus(limits.window())));
        }
    }

    private void record(String key, int max, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            dropAgedOut(times, now);
            times.addLast(now);
            while (times.size() > max) {
                times.removeFirst(); // only the newest max failures decide how long to wait
            }
        }
    }

    private void dropAgedOut(Deque<Instant> times, Instant now) {
        Instant windowStart = now.minus(limits.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
            times.removeFirst();
        }
    }

    private void forgetAgedOut(Instant now) {
        failures.entrySet().removeIf(entry -> {
            Deque<Instant> times = entry.getValue();
            synchronized (times) {
                dropAgedOut(times, now);
                return times.isEmpty();
            }
        });
    }

    private static String usernameKey(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (normalized.length() > MAX_KEY_LENGTH ? normalized.substring(0, MAX_KEY_LENGTH) : normalized);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
