package cn.gongkai.ledger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final MovableClock clock = new MovableClock();
    private final LoginAttempts attempts = new LoginAttempts(
            new LoginAttemptsProperties(true, 5, 20, Duration.ofMinutes(15), 1000), clock);

    @Test
    void fourFailuresAreToleratedAndTheFifthBlocksTheUsernameUntilTheFirstAgesOut() {
        // given
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.2")).isEmpty();

        // when
        attempts.failed("handler-kaifaqu", "10.0.0.1");

        // then: blocked from any address, until 15 minutes after the first failure (4 minutes ago)
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.2")).contains(Duration.ofMinutes(11));
        clock.advance(Duration.ofMinutes(11));
        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUsernameButNotTheAddress() {
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
        }

        attempts.succeeded("handler-kaifaqu");
        for (int i = 0; i < 4; i++) {
            attempts.failed("handler-kaifaqu", "10.0.0.1");
        }

        assertThat(attempts.blockedFor("handler-kaifaqu", "10.0.0.3")).isEmpty();
        for (int i = 0; i < 12; i++) {
            attempts.failed("someone-" + i, "10.0.0.1");
        }
        assertThat(attempts.blockedFor("reviewer-kaifaqu", "10.0.0.1")).contains(Duration.ofMinutes(15));
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
    void unknownUsernamesAreBlockedExactlyLikeKnownOnes() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("nobody-at-all", "10.0.0.9");
        }

        assertThat(attempts.blockedFor("nobody-at-all", "10.0.0.10")).contains(Duration.ofMinutes(15));
    }

    @Test
    void failuresOlderThanTheWindowAreForgottenWhenTheTableIsFull() {
        LoginAttempts small = new LoginAttempts(new LoginAttemptsProperties(true, 5, 20, Duration.ofMinutes(15), 3),
                clock);
        small.failed("a", null);
        small.failed("b", null);
        clock.advance(Duration.ofMinutes(16));

        small.failed("c", null);
        for (int i = 0; i < 4; i++) {
            small.failed("c", null);
        }

        assertThat(small.blockedFor("c", null)).isPresent();
        assertThat(small.blockedFor("a", null)).isEmpty();
    }

    @Test
    void nothingIsCountedWhenDisabled() {
        LoginAttempts off = new LoginAttempts(new LoginAttemptsProperties(false, 5, 20, Duration.ofMinutes(15), 10),
                clock);
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
