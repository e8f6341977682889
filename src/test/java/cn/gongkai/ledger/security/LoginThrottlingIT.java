package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.access.internal.LoginAttemptsProperties;
import cn.gongkai.ledger.security.RawHttp.Answer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed HTTP Basic logins slow further attempts down: after 5 free failures per (username,
 * address), 50 per address and 20 per username over every address, each further failure doubles
 * the wait (from {@code first-delay}; at most 15 min, {@code max-delay-per-username} for the username
 * over every address). The test profile shortens the two (application-test.yaml: 500 ms and 2 s, against
 * 1 s and 5 s in production), so that the tests wait less; the expected waits are computed from them.
 * Each test sends its failures from a loopback address of its own, so that the other test classes
 * sharing this context keep their allowance on 127.0.0.1.
 */
@LedgerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingIT {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    int port;

    @Autowired
    LoginAttemptsProperties limits;

    @Test
    void afterFiveFailuresEachFurtherFailureDoublesTheWaitAtThatAddressWithoutCheckingThePassword() {
        String username = newUser();
        RawHttp client = new RawHttp(port, "127.0.0.31");
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/me", username, "wrong-" + i).status()).isEqualTo(401);
        }
        // three more, each checked only after the wait the previous one set (1, 2 and 4 first delays)
        Duration waited = failPatiently(client, username, 3);

        Answer refused = client.get("/api/me", username, PASSWORD);

        // waiting for the next check (8 first delays after the last failure), the right password is not even checked
        assertThat(waited).isGreaterThanOrEqualTo(firstDelays(7).minusMillis(300));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, seconds(firstDelays(8)));
        assertThat(refused.json().get("rule").asString()).isEqualTo("LoginAttemptsExceeded");
        assertThat(refused.json().get("message").asString()).startsWith("登录失败次数过多");
        assertThat(refused.json().get("messageEn").asString()).startsWith("too many failed logins");
        assertThat(refused.body()).doesNotContain(username);
        assertThat(refused.all("Set-Cookie")).isEmpty();
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(client.get("/actuator/info", username, PASSWORD).status()).isEqualTo(429);
        // the real user at another address is not stopped
        assertThat(new RawHttp(port, "127.0.0.32").get("/api/me", username, PASSWORD).status()).isEqualTo(200);
        // and once the wait is over, the right password works at the first address too
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> client.get("/api/me", username, PASSWORD).status() == 200);
    }

    @Test
    void guessingOneUsernameFromManyAddressesDelaysItBrieflyAndNotWhereTheUserIsWorking() {
        String username = newUser();
        RawHttp office = new RawHttp(port, "127.0.0.33");
        assertThat(office.get("/api/me", username, PASSWORD).status()).isEqualTo(200);

        // 20 free failures over every address, then three more checked only after each wait: one per address
        for (int i = 0; i < 23; i++) {
            failPatiently(new RawHttp(port, "127.0.1." + (10 + i)), username, 1);
        }

        Answer elsewhere = new RawHttp(port, "127.0.0.40").get("/api/me", username, PASSWORD);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(429);
        // the 23rd failure would set 8 first delays; the cap is shorter (whole seconds apart in the test profile)
        assertThat(seconds(limits.maxDelayPerUsername())).isLessThan(seconds(firstDelays(8)));
        assertThat(Long.parseLong(elsewhere.header("Retry-After")))
                .as("capped at max-delay-per-username").isBetween(1L, seconds(limits.maxDelayPerUsername()));
        assertThat(office.get("/api/me", username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheUsernamesFailures() {
        String username = newUser();
        RawHttp client = new RawHttp(port, "127.0.0.34");
        for (int i = 0; i < 4; i++) {
            client.get("/api/me", username, "wrong");
        }
        assertThat(client.get("/api/me", username, PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(client.get("/api/me", username, "wrong").status()).isEqualTo(401);
        }

        assertThat(client.get("/api/me", username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeAKnownOne() {
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String known = newUser();
        RawHttp client = new RawHttp(port, "127.0.0.35");
        failPatiently(client, unknown, 7);
        Answer refusedUnknown = client.get("/api/me", unknown, "demo");
        failPatiently(client, known, 7);
        Answer refusedKnown = client.get("/api/me", known, PASSWORD);

        assertThat(refusedUnknown.status()).isEqualTo(429);
        assertThat(refusedKnown.status()).isEqualTo(429);
        assertThat(Long.parseLong(refusedUnknown.header("Retry-After"))).isBetween(1L, seconds(firstDelays(4)));
        assertThat(Long.parseLong(refusedKnown.header("Retry-After"))).isBetween(1L, seconds(firstDelays(4)));
    }

    @Test
    void oneAddressTryingManyUsernamesIsDelayedWhileOtherAddressesAreNot() {
        // given: 50 failures from one address, each for another username, then one more after its wait
        RawHttp sprayer = new RawHttp(port, "127.0.0.36");
        for (int i = 0; i < 50; i++) {
            assertThat(sprayer.get("/api/me", "guess-" + i + "-" + UUID.randomUUID(), "demo").status()).isEqualTo(401);
        }
        failPatiently(sprayer, "guess-last-" + UUID.randomUUID(), 1);

        Answer fromSprayer = sprayer.get("/api/me", "handler-kaifaqu", Api.PASSWORD);
        Answer fromElsewhere = new RawHttp(port, "127.0.0.37").get("/api/me", "handler-kaifaqu", Api.PASSWORD);

        assertThat(fromSprayer.status()).isEqualTo(429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    @Test
    void requestsWithoutCredentialsAreNotCounted() {
        RawHttp client = new RawHttp(port, "127.0.0.38");
        for (int i = 0; i < 60; i++) {
            assertThat(client.get("/api/me", null, null).status()).isEqualTo(401);
        }

        assertThat(client.get("/api/me", "handler-kaifaqu", Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aFailedLoginIsLoggedWithTheUsernameAndAddressButNeverThePassword(CapturedOutput output) {
        String unknown = "logged-" + UUID.randomUUID().toString().substring(0, 8);

        new RawHttp(port, "127.0.0.39").get("/api/me", unknown + "\nforged line", "secret-guess-4711");

        assertThat(output.getAll()).contains("login failed: user '" + unknown + "?forged line' from 127.0.0.39")
                .doesNotContain("secret-guess-4711");
    }

    @Test
    void aRefusalIsLoggedWithWhoAndWhat(CapturedOutput output) {
        assertThat(new RawHttp(port).get("/api/admin/users", "auditor-kaifaqu", Api.PASSWORD).status()).isEqualTo(403);
        assertThat(new RawHttp(port).get("/actuator/metrics", "handler-kaifaqu", Api.PASSWORD).status())
                .isEqualTo(403);

        assertThat(output.getAll()).contains("access denied: user 'auditor-kaifaqu' GET /api/admin/users from")
                .contains("access denied: user 'handler-kaifaqu' GET /actuator/metrics from");
    }

    /**
     * Sends {@code failures} wrong passwords, each as soon as the service checks it again (the 429s
     * while waiting count nothing), as a patient guesser would; answers how long that took.
     */
    private static Duration failPatiently(RawHttp client, String username, int failures) {
        long started = System.nanoTime();
        for (int i = 0; i < failures; i++) {
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> client.get("/api/me", username, "wrong-guess").status() == 401);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Duration firstDelays(int count) {
        return limits.firstDelay().multipliedBy(count);
    }

    /** A wait as Retry-After gives it: whole seconds, rounded up. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** A fresh user of 开发区, so that no other test's logins touch its count. */
    private String newUser() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        Answer created = new RawHttp(port).post("/api/admin/users", "admin-kaifaqu", Api.PASSWORD, """
                {"username":"%s","displayName":"限流测试","agencyId":"kaifaqu","roles":["HANDLER"],"password":"%s"}"""
                .formatted(username, PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }
}
