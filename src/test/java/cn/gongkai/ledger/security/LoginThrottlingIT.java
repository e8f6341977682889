package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.security.RawHttp.Answer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failed HTTP Basic logins are throttled per username and per client address (defaults: 5 and 50
 * within 15 minutes). Each test sends its failures from a loopback address of its own, so that the
 * other test classes sharing this context keep their allowance on 127.0.0.1.
 */
@LedgerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingIT {

    private static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort
    int port;

    @Test
    void afterFiveFailuresAUsernameIsRefusedWith429EvenWithTheRightPassword() {
        // given
        String username = newUser();
        RawHttp client = new RawHttp(port, "127.0.0.31");
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/me", username, "wrong-" + i).status()).isEqualTo(401);
        }

        // when
        Answer refused = client.get("/api/me", username, PASSWORD);

        // then: refused without checking the password, from any address, on every chain
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(refused.json().get("rule").asString()).isEqualTo("LoginAttemptsExceeded");
        assertThat(refused.json().get("message").asString()).startsWith("登录失败次数过多");
        assertThat(refused.json().get("messageEn").asString()).startsWith("too many failed logins");
        assertThat(refused.body()).doesNotContain(username);
        assertThat(refused.all("Set-Cookie")).isEmpty();
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(new RawHttp(port, "127.0.0.32").get("/api/me", username, PASSWORD).status()).isEqualTo(429);
        assertThat(new RawHttp(port, "127.0.0.32").get("/actuator/info", username, PASSWORD).status()).isEqualTo(429);
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
        RawHttp client = new RawHttp(port, "127.0.0.35");
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/me", unknown, "demo").status()).isEqualTo(401);
        }

        Answer refused = client.get("/api/me", unknown, "demo");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
    }

    @Test
    void oneAddressTryingManyUsernamesIsRefusedWhileOtherAddressesAreNot() {
        // given: 50 failures from one address, each for another username
        RawHttp sprayer = new RawHttp(port, "127.0.0.36");
        for (int i = 0; i < 50; i++) {
            assertThat(sprayer.get("/api/me", "guess-" + i + "-" + UUID.randomUUID(), "demo").status()).isEqualTo(401);
        }

        // when
        Answer fromSprayer = sprayer.get("/api/me", "handler-kaifaqu", Api.PASSWORD);
        Answer fromElsewhere = new RawHttp(port, "127.0.0.37").get("/api/me", "handler-kaifaqu", Api.PASSWORD);

        // then
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
