package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.RequestJson;
import cn.gongkai.ledger.security.RawHttp.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * API tokens of service accounts (issue 10, item 1): minted by an agency's ADMIN, shown once,
 * stored as a SHA-256 only, sent as {@code Authorization: Bearer}, named in the event history,
 * revocable at once, bounded in time, confined to the agency and to their roles, and throttled per
 * address like failed logins. Tests that fail on purpose send from a loopback address of their own
 * ({@link RawHttp}), so that the other classes sharing this context keep 127.0.0.1's allowance.
 */
@LedgerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenIT {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aTokenRegistersAndReadsItsEventsNameTheTokenAndRevocationStopsItAtOnce(CapturedOutput output) {
        Minted token = mint("admin-kaifaqu", newAccount(), "[\"HANDLER\"]");
        RawHttp client = new RawHttp(port, "127.0.0.61");

        Answer registered = bearer(client, token.secret(), "POST", "/api/requests",
                RequestJson.received(BusinessClock.today(clock)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String requestId = registered.json().get("requestId").asString();
        Answer read = bearer(client, token.secret(), "GET", "/api/requests/" + requestId, null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode received = read.json().get("history").get(0);
        assertThat(received.get("type").asString()).isEqualTo("RequestReceived");
        assertThat(received.get("actor").asString()).isEqualTo(token.serviceAccount() + "@" + token.id());
        assertThat(received.get("actorRoles").asString()).isEqualTo("HANDLER");
        Answer me = bearer(client, token.secret(), "GET", "/api/me", null);
        assertThat(me.json().get("username").asString()).isEqualTo(token.serviceAccount() + "@" + token.id());

        Response revoked = api.post("admin-kaifaqu", "/api/admin/tokens/" + token.id() + "/revoke", "");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("admin-kaifaqu");
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();

        Answer refused = bearer(client, token.secret(), "GET", "/api/requests/" + requestId, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.json().get("error").asString()).isEqualTo("unauthorized");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer ").contains("invalid_token");
        assertThat(bearer(client, token.secret(), "POST", "/api/requests",
                RequestJson.received(BusinessClock.today(clock))).status()).isEqualTo(401);

        // the secret: never listed, never shown again, not stored, not logged
        Response list = api.get("admin-kaifaqu", "/api/admin/tokens");
        Response one = api.get("admin-kaifaqu", "/api/admin/tokens/" + token.id());
        assertThat(list.body()).contains(token.id()).doesNotContain(token.secret());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(token.secret()).doesNotContain("secret");
        byte[] stored = jdbc.sql("select token_hash from api_token where id = ?")
                .param(UUID.fromString(token.id())).query(byte[].class).single();
        assertThat(stored).isEqualTo(sha256(token.secret()));
        assertThat(output.getAll()).doesNotContain(token.secret())
                .doesNotContain(token.secret().substring(3, 20));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Minted token = mint("admin-kaifaqu", newAccount(), "[\"AUDITOR\"]");
        RawHttp client = new RawHttp(port, "127.0.0.62");
        assertThat(bearer(client, token.secret(), "GET", "/api/requests", null).status()).isEqualTo(200);

        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = ?")
                .param(UUID.fromString(token.id())).update();

        Answer refused = bearer(client, token.secret(), "GET", "/api/requests", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.json().get("messageEn").asString()).isEqualTo("authentication required");
    }

    @Test
    void aTokenOfOneAgencyDoesNotSeeAnothersApplicationsNorTokens() {
        Minted kaifaqu = mint("admin-kaifaqu", newAccount(), "[\"HANDLER\"]");
        Minted yicheng = mint("admin-yicheng", newAccount(), "[\"HANDLER\"]");
        RawHttp client = new RawHttp(port, "127.0.0.63");
        Answer registered = bearer(client, kaifaqu.secret(), "POST", "/api/requests",
                RequestJson.received(BusinessClock.today(clock)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String requestId = registered.json().get("requestId").asString();

        assertThat(bearer(client, kaifaqu.secret(), "GET", "/api/requests/" + requestId, null).status()).isEqualTo(200);
        Answer other = bearer(client, yicheng.secret(), "GET", "/api/requests/" + requestId, null);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertThat(api.get("admin-yicheng", "/api/admin/tokens").body()).doesNotContain(kaifaqu.id());
        assertThat(api.get("admin-yicheng", "/api/admin/tokens/" + kaifaqu.id()).status()).isEqualTo(404);
        assertThat(api.post("admin-yicheng", "/api/admin/tokens/" + kaifaqu.id() + "/revoke", "").status())
                .isEqualTo(404);
        assertThat(bearer(client, kaifaqu.secret(), "GET", "/api/me", null).status()).isEqualTo(200);
    }

    @Test
    void aTokenHasItsRolesOnlyAndNoTokenMintsTokens() {
        Minted handler = mint("admin-kaifaqu", newAccount(), "[\"HANDLER\"]");
        Minted admin = mint("admin-kaifaqu", newAccount(), "[\"ADMIN\"]");
        RawHttp client = new RawHttp(port, "127.0.0.64");

        Answer refused = bearer(client, handler.secret(), "GET", "/api/admin/users", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(bearer(client, admin.secret(), "GET", "/api/admin/users", null).status()).isEqualTo(200);
        assertThat(bearer(client, admin.secret(), "GET", "/api/admin/tokens", null).status()).isEqualTo(200);
        Answer minting = bearer(client, admin.secret(), "POST", "/api/admin/tokens",
                newToken(newAccount(), "[\"ADMIN\"]", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)));
        assertThat(minting.status()).as(minting.toString()).isEqualTo(403);
        assertThat(bearer(client, admin.secret(), "POST", "/api/requests",
                RequestJson.received(BusinessClock.today(clock))).status()).isEqualTo(403);
    }

    @Test
    void aServiceAccountHasNoPasswordAndTokensAreNotForPeople() {
        Minted token = mint("admin-kaifaqu", newAccount(), "[\"HANDLER\"]");
        RawHttp client = new RawHttp(port, "127.0.0.65");
        assertThat(client.get("/api/me", token.serviceAccount(), "").status()).isEqualTo(401);
        assertThat(client.get("/api/me", token.serviceAccount(), "anything-at-all").status()).isEqualTo(401);

        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(30);
        for (String person : new String[] {"admin-kaifaqu", "handler-kaifaqu", "handler-yicheng"}) {
            Response refused = api.post("admin-kaifaqu", "/api/admin/tokens", newToken(person, "[\"HANDLER\"]", later));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.json().get("rule").asString()).isEqualTo("TokensOnlyForServiceAccounts");
            assertThat(refused.json().get("fields").get(0).get("field").asString()).isEqualTo("serviceAccount");
        }
        // a service account of another agency is not this agency's to give tokens to
        Response theirs = api.post("admin-yicheng", "/api/admin/tokens",
                newToken(token.serviceAccount(), "[\"HANDLER\"]", later));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(422);

        Response listed = api.get("admin-kaifaqu", "/api/admin/users/" + token.serviceAccount());
        Response roles = api.put("admin-kaifaqu", "/api/admin/users/" + token.serviceAccount() + "/roles",
                "{\"roles\":[\"ADMIN\"]}");
        assertThat(roles.status()).as(roles.toString()).isEqualTo(422);
        assertThat(roles.json().get("rule").asString()).isEqualTo("ServiceAccountRolesAreTheTokens");
        assertThat(listed.json().get("serviceAccount").asBoolean()).isTrue();
        Response disabled = api.post("admin-kaifaqu", "/api/admin/users/" + token.serviceAccount() + "/disable", "");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(bearer(client, token.secret(), "GET", "/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        String account = newAccount();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long before = tokens();

        Response controlCharacter = api.post("admin-kaifaqu", "/api/admin/tokens",
                newToken(account, "[\"HANDLER\"]", now.plusDays(1)).replace("\"name\":\"", "\"name\":\"a\\u0007"));
        Response tooLong = api.post("admin-kaifaqu", "/api/admin/tokens",
                newToken(account, "[\"HANDLER\"]", now.plusDays(1)).replace("\"name\":\"", "\"name\":\"" + "名".repeat(100)));
        Response tooLate = api.post("admin-kaifaqu", "/api/admin/tokens", newToken(account, "[\"HANDLER\"]",
                now.plusDays(367)));
        Response past = api.post("admin-kaifaqu", "/api/admin/tokens", newToken(account, "[\"HANDLER\"]",
                now.minusMinutes(1)));
        Response noRoles = api.post("admin-kaifaqu", "/api/admin/tokens", newToken(account, "[]", now.plusDays(1)));
        Response badAccount = api.post("admin-kaifaqu", "/api/admin/tokens", newToken("X y", "[\"HANDLER\"]",
                now.plusDays(1)));
        Response noExpiry = api.post("admin-kaifaqu", "/api/admin/tokens", """
                {"name":"n","serviceAccount":"%s","roles":["HANDLER"]}""".formatted(account));

        assertField(controlCharacter, "name", "名称");
        assertField(tooLong, "name", "名称");
        assertField(tooLate, "expiresAt", "有效期至");
        assertThat(tooLate.json().get("fields").get(0).get("messageEn").asString()).contains("366 days");
        assertField(past, "expiresAt", "有效期至");
        assertField(noRoles, "roles", "角色");
        assertField(badAccount, "serviceAccount", "服务账号");
        assertField(noExpiry, "expiresAt", "有效期至");
        assertThat(tokens()).isEqualTo(before);
        assertThat(api.get("admin-kaifaqu", "/api/admin/users/" + account).status()).isEqualTo(404);
    }

    @Test
    void wrongTokensCountAgainstTheAddressLikeFailedLogins() {
        Minted token = mint("admin-kaifaqu", newAccount(), "[\"HANDLER\"]");
        RawHttp guesser = new RawHttp(port, "127.0.0.66");
        // 50 free failures per address (LoginAttemptsProperties), checked without bcrypt
        for (int i = 0; i < 50; i++) {
            Answer wrong = bearer(guesser, "gk_" + "A".repeat(40) + "%03d".formatted(i), "GET", "/api/me", null);
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        }

        Answer throttled = bearer(guesser, token.secret(), "GET", "/api/me", null);

        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.json().get("rule").asString()).isEqualTo("LoginAttemptsExceeded");
        assertThat(bearer(new RawHttp(port, "127.0.0.67"), token.secret(), "GET", "/api/me", null).status())
                .isEqualTo(200);
    }

    private record Minted(String id, String serviceAccount, String secret) {
    }

    private Minted mint(String admin, String serviceAccount, String roles) {
        Response created = api.post(admin, "/api/admin/tokens",
                newToken(serviceAccount, roles, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String secret = body.get("secret").asString();
        assertThat(secret).startsWith("gk_").hasSize(46);
        assertThat(created.location()).endsWith("/api/admin/tokens/" + body.get("token").get("id").asString());
        return new Minted(body.get("token").get("id").asString(), serviceAccount, secret);
    }

    private static String newToken(String serviceAccount, String roles, OffsetDateTime expiresAt) {
        return """
                {"name":"对接市政务平台 / city portal","serviceAccount":"%s","roles":%s,"expiresAt":"%s"}"""
                .formatted(serviceAccount, roles, expiresAt);
    }

    private static String newAccount() {
        return "svc-it-" + ACCOUNTS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long tokens() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }

    private static void assertField(Response response, String field, String label) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode problem = response.json().get("fields").get(0);
        assertThat(problem.get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(problem.get("label").asString()).isEqualTo(label);
    }

    private Answer bearer(RawHttp client, String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return client.send(request);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
