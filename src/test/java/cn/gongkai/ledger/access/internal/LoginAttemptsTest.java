package cn.gongkai.ledger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Growing delays: 5 free failures per (username, address), 20 per address, 20 per username over
 * every address; then 1 s, doubled by each further failure, up to 15 min (5 s per username overall).
 */
class LoginAttemptsTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock();
    private final LoginAttempts attempts = new LoginAttempts(limits(1000), clock);

    private static LoginAttemptsProperties limits(int maxTrackedKeys) {
        return new LoginAttemptsProperties(true, 5, 20, WINDOW, maxTrackedKeys, Duration.ofSeconds(1), WINDOW, 20,
                Duration.ofSeconds(5));
    }

    /** Fails once, after waiting out whatever wait there is, as a patient guesser would. */
    private void failAfterWaiting(LoginAttempts attempts, String username, String address) {
        attempts.blockedFor(username, address).ifPresent(clock::advance);
        assertThat(attempts.blockedFor(username, address)).isEmpty();
        attempts.failed(username, address);
    }

    @Test
    void fiveFailuresAreFreeThenEachFurtherFailureDoublesTheWaitUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
        }
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).isEmpty();

        attempts.failed("handler-kaifaqu", "10.0.0.1");
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(Duration.ofSeconds(1));
        for (long expected : new long[] {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900}) {
            failAfterWaiting(attempts, "handler-kaifaqu", "10.0.0.1");
            assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(Duration.ofSeconds(expected));
        }
    }

    @Test
    void aWaitRunsFromTheLastFailureAndAttemptsWhileWaitingCountNothing() {
        for (int i = 0; i < 6; i++) {
            failAfterWaiting(attempts, "handler-kaifaqu", "10.0.0.1");
        }
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(Duration.ofSeconds(2));

        clock.advance(Duration.ofMillis(1500));

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(Duration.ofMillis(500));
        clock.advance(Duration.ofMillis(500));
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresFromOneAddressDoNotStopTheRealUserAtAnotherAddress() {
        for (int i = 0; i < 15; i++) {
            failAfterWaiting(attempts, "handler-kaifaqu", "10.0.0.66");
        }
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.66").orElseThrow())
                .isGreaterThan(Duration.ofMinutes(5));

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.2")).isEmpty();
    }

    @Test
    void guessingFromManyAddressesDelaysTheUsernameEverywhereButOnlyBrieflyAndNotWhereTheUserWorks() {
        attempts.succeeded("handler-kaifaqu", "10.0.0.2");
        for (int i = 0; i < 40; i++) {
            String address = "10.1.0." + i;
            attempts.blockedFor("handler-kaifaqu", address).ifPresent(clock::advance);
            attempts.failed("handler-kaifaqu", address);
        }

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.9.9.9")).contains(Duration.ofSeconds(5));
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
        }

        attempts.succeeded("handler-kaifaqu", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
        }

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 12; i++) {
            attempts.failed("someone-" + i, "10.0.0.1");
        }
        assertThat(attempts.blockedFor("reviewer-kaifaqu", "10.0.0.1")).contains(Duration.ofSeconds(1));
        assertThat(attempts.blockedFor("reviewer-kaifaqu", "10.0.0.3")).isEmpty();
    }

    @Test
    void usernamesAreCountedRegardlessOfCaseAndSurroundingSpace() {
        for (String variant : new String[] {"Handler-Kaifaqu", "handler-kaifaqu ", "HANDLER-KAIFAQU", "handler-kaifaqu",
                " handler-KAIFAQU"}) {
            attempts.failed(variant, null);
        }

        assertThat(attempts.blockedFor("handler-kaifaqu", null)).isPresent();
    }

    @Test
    void unknownUsernamesAreDelayedExactlyLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("nobody-at-all", "10.0.0.9");
            attempts.failed("handler-kaifaqu", "10.0.0.10");
        }

        assertThat(attempts.blockedFor("nobody-at-all", "10.0.0.9"))
                .isEqualTo(attempts.blockedFor("handler-kaifaqu", "10.0.0.10"))
                .contains(Duration.ofSeconds(1));
    }

    @Test
    void aCountIsForgottenAWindowAfterItsWaitEndedNotBefore() {
        for (int i = 0; i < 10; i++) {
            failAfterWaiting(attempts, "handler-kaifaqu", "10.0.0.1");
        }
        clock.advance(attempts.blockedFor("handler-kaifaqu", "10.0.0.1").orElseThrow());
        clock.advance(WINDOW.minusSeconds(1));
        attempts.failed("handler-kaifaqu", "10.0.0.1");
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).as("still remembered")
                .contains(Duration.ofSeconds(64));

        clock.advance(Duration.ofSeconds(64).plus(WINDOW));
        attempts.failed("handler-kaifaqu", "10.0.0.1");

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).as("counting from one again").isEmpty();
    }

    @Test
    void waitingOutTheLongestWaitDoesNotResetTheCount() {
        for (int i = 0; i < 16; i++) {
            failAfterWaiting(attempts, "handler-kaifaqu", "10.0.0.1");
        }
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(WINDOW);

        clock.advance(WINDOW);
        attempts.failed("handler-kaifaqu", "10.0.0.1");

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.1")).contains(WINDOW);
    }

    @Test
    void memoryStaysBoundedDroppingForgottenCountsFirstThenTheOldest() {
        LoginAttempts small = new LoginAttempts(limits(30), clock);
        small.failed("a", null);
        small.failed("b", null);
        clock.advance(WINDOW.plusMinutes(1));
        for (int i = 0; i < 5; i++) {
            small.failed("c", null);
        }
        assertThat(small.blockedFor("c", null)).isPresent();
        assertThat(small.blockedFor("a", null)).isEmpty();

        for (int i = 0; i < 10_000; i++) {
            clock.advance(Duration.ofMillis(1));
            small.failed("spray-" + i, "10.2." + (i / 250) + "." + (i % 250));
        }

        assertThat(small.tracked()).isLessThanOrEqualTo(30);
    }

    @Test
    void nothingIsCountedWhenDisabled() {
        LoginAttempts off = new LoginAttempts(new LoginAttemptsProperties(false, 5, 20, WINDOW, 10,
                Duration.ofSeconds(1), WINDOW, 20, Duration.ofSeconds(5)), clock);
        for (int i = 0; i < 10; i++) {
            off.failed("handler-kaifaqu", "10.0.0.1");
        }

        assertThat(off.blockedFor("handler-kaifaqu", "10.0.0.1")).isEmpty();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
