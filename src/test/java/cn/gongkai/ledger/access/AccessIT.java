package cn.gongkai.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/** Logging in, the agency boundary of user administration, and who-acted metadata on commands and events. */
@LedgerIntegrationTest
class AccessIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    CommandBus commandBus;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @ParameterizedTest
    @CsvSource({
            "handler-kaifaqu, HANDLER", "handler2-kaifaqu, HANDLER", "reviewer-kaifaqu, REVIEWER",
            "reviewer2-kaifaqu, REVIEWER", "head-kaifaqu, HEAD", "auditor-kaifaqu, AUDITOR", "admin-kaifaqu, ADMIN",
            "lead-kaifaqu, HANDLER REVIEWER",
            "handler-yicheng, HANDLER", "handler2-yicheng, HANDLER", "reviewer-yicheng, REVIEWER",
            "reviewer2-yicheng, REVIEWER", "head-yicheng, HEAD", "auditor-yicheng, AUDITOR", "admin-yicheng, ADMIN",
            "lead-yicheng, HANDLER REVIEWER"})
    void everyDemoUserLogsInWithTheDemoPassword(String username, String roles) {
        Response me = api.get(username, "/api/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonNode json = me.json();
        assertThat(json.get("username").asString()).isEqualTo(username);
        assertThat(json.get("agencyId").asString()).isEqualTo(username.substring(username.indexOf('-') + 1));
        assertThat(json.get("roles").findValuesAsString("role")).containsExactly(roles.split(" "));
    }

    @Test
    void theLoggedInUserSeesTheirAgencyByNameAndTheirRolesInChinese() {
        JsonNode me = api.get("reviewer-yicheng", "/api/me").json();

        assertThat(me.get("agencyName").asString()).isEqualTo("驻马店市驿城区人民政府");
        assertThat(me.get("roles").get(0).get("label").asString()).isEqualTo("审核人");
    }

    @Test
    void aWrongPasswordIsAnswered401InJson() {
        Response response = as("handler-kaifaqu", "not-the-password", "/api/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void anUnknownUserAndAMissingLoginAreAnswered401Too() {
        assertThat(as("nobody-kaifaqu", "demo", "/api/me").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/me").status()).isEqualTo(401);
        assertThat(api.get(null, "/api/admin/users").status()).isEqualTo(401);
    }

    @Test
    void theApiDescriptionAndTheHealthProbeNeedNoLogin() {
        assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        // service accounts (ApiTokenIT creates some in this context's database) have no password at all (V17)
        List<String> hashes = jdbc.sql("select password_hash from staff_user where not service_account")
                .query(String.class).list();

        assertThat(hashes).isNotEmpty().allSatisfy(hash -> {
            assertThat(hash).startsWith("{bcrypt}$2");
            assertThat(hash).doesNotContain("demo");
        });
    }

    @Test
    void anAdministratorCreatesAUserOfTheirOwnAgencyWhoCanThenLogIn() {
        String username = uniqueUsername();
        String password = "瓦房店-correct-horse";

        Response created = api.post("admin-kaifaqu", "/api/admin/users", newUser(username, "kaifaqu", password,
                "HANDLER"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/admin/users/" + username);
        assertThat(created.body()).doesNotContain(password).doesNotContain("bcrypt");
        assertThat(as(username, password, "/api/me").status()).isEqualTo(200);
        assertThat(as(username, "demo", "/api/me").status()).isEqualTo(401);
        String hash = jdbc.sql("select password_hash from staff_user where username = ?").param(username)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(usernames(api.get("admin-kaifaqu", "/api/admin/users"))).contains(username, "handler-kaifaqu");
        assertThat(usernames(api.get("admin-yicheng", "/api/admin/users"))).doesNotContain(username, "handler-kaifaqu");
    }

    @Test
    void anAdministratorCannotCreateAUserOfAnotherAgency() {
        String username = uniqueUsername();

        Response refused = api.post("admin-kaifaqu", "/api/admin/users", newUser(username, "yicheng",
                "correct-horse-battery", "HANDLER"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(jdbc.sql("select count(*) from staff_user where username = ?").param(username)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAdministratorDoesNotFindTheUsersOfAnotherAgency() {
        assertThat(api.put("admin-kaifaqu", "/api/admin/users/handler-yicheng/roles", "{\"roles\":[\"ADMIN\"]}")
                .status()).isEqualTo(404);
        assertThat(api.post("admin-kaifaqu", "/api/admin/users/handler-yicheng/disable", "").status())
                .isEqualTo(404);
        assertThat(api.get("handler-yicheng", "/api/me").json().get("roles").size()).isEqualTo(1);
    }

    @Test
    void anAdministratorChangesRolesAndDisablesAUserWhoThenCannotLogIn() {
        String username = uniqueUsername();
        String password = "correct-horse-battery";
        api.post("admin-yicheng", "/api/admin/users", newUser(username, "yicheng", password, "HANDLER"));

        Response changed = api.put("admin-yicheng", "/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"REVIEWER\",\"AUDITOR\"]}");
        Response disabled = api.post("admin-yicheng", "/api/admin/users/" + username + "/disable", "");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).isEqualTo("[\"REVIEWER\",\"AUDITOR\"]");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(as(username, password, "/api/me").status()).isEqualTo(401);
    }

    @Test
    void theLastAdministratorOfAnAgencyCannotBeDisabledNorDemoted() {
        Response disabled = api.post("admin-yicheng", "/api/admin/users/admin-yicheng/disable", "");
        Response demoted = api.put("admin-yicheng", "/api/admin/users/admin-yicheng/roles", "{\"roles\":[\"HEAD\"]}");

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(422);
        assertThat(disabled.json().get("rule").asString()).isEqualTo("LastAdminStays");
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(422);
        assertThat(api.get("admin-yicheng", "/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotGrantRolesToTheirOwnAccountButAnotherAdministratorCan() {
        String username = uniqueUsername();
        String password = "correct-horse-battery";
        assertThat(api.post("admin-kaifaqu", "/api/admin/users", newUser(username, "kaifaqu", password, "ADMIN"))
                .status()).isEqualTo(201);

        Response selfGranted = putAs(username, password, "/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"ADMIN\",\"HANDLER\",\"REVIEWER\"]}");
        Response demoSelfGranted = api.put("admin-kaifaqu", "/api/admin/users/admin-kaifaqu/roles",
                "{\"roles\":[\"ADMIN\",\"HEAD\"]}");

        assertThat(selfGranted.status()).as(selfGranted.toString()).isEqualTo(422);
        assertThat(selfGranted.json().get("rule").asString()).isEqualTo("NoSelfGrantedRoles");
        assertThat(selfGranted.json().get("fields").findValuesAsString("field")).containsExactly("roles");
        assertThat(selfGranted.json().get("message").asString()).contains("另一名管理员");
        assertThat(selfGranted.json().get("messageEn").asString()).contains("another administrator");
        assertThat(demoSelfGranted.status()).as(demoSelfGranted.toString()).isEqualTo(422);
        assertThat(roleNames(username)).containsExactly("ADMIN");
        assertThat(roleNames("admin-kaifaqu")).containsExactly("ADMIN");

        Response granted = api.put("admin-kaifaqu", "/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"ADMIN\",\"HANDLER\"]}");

        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(roleNames(username)).containsExactlyInAnyOrder("ADMIN", "HANDLER");
        Response dropped = putAs(username, password, "/api/admin/users/" + username + "/roles",
                "{\"roles\":[\"ADMIN\"]}");
        assertThat(dropped.status()).as("dropping one's own role stays allowed: " + dropped).isEqualTo(200);
    }

    private Response putAs(String username, String password, String path, String json) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private List<String> roleNames(String username) {
        return jdbc.sql("select role from staff_role where username = ? order by role").param(username)
                .query(String.class).list();
    }

    @Test
    void aTakenUsernameIsRefused() {
        Response refused = api.post("admin-kaifaqu", "/api/admin/users", newUser("head-kaifaqu", "kaifaqu",
                "correct-horse-battery", "HANDLER"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("rule").asString()).isEqualTo("UsernameTaken");
    }

    @Test
    void aShortPasswordAndAMissingRoleAreRejectedFieldByField() {
        Response rejected = api.post("admin-kaifaqu", "/api/admin/users",
                "{\"username\":\"" + uniqueUsername() + "\",\"displayName\":\"新同事\",\"agencyId\":\"kaifaqu\","
                        + "\"roles\":[],\"password\":\"short\"}");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.json().get("fields").findValuesAsString("field")).contains("password", "roles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"handler-kaifaqu", "reviewer-kaifaqu", "head-kaifaqu", "auditor-kaifaqu"})
    void onlyAdministratorsManageUsers(String username) {
        Response list = api.get(username, "/api/admin/users");
        Response create = api.post(username, "/api/admin/users", newUser(uniqueUsername(), "kaifaqu",
                "correct-horse-battery", "ADMIN"));

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void commandsSentThroughTheGatewayCarryTheLoggedInUserAndTheirEventsCopyIt() {
        // given: a handler that reports its command's metadata and that of an event it produces
        Registration handler = commandBus.subscribe(Ping.class.getName(), command -> Map.of(
                "command", command.getMetaData(),
                "event", GenericEventMessage.asEventMessage("pinged").getMetaData()));
        StaffPrincipal staff = new StaffPrincipal("head-kaifaqu", null, "负责人", "kaifaqu",
                Set.of(Role.HEAD, Role.REVIEWER), true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
        try {
            Map<String, MetaData> seen = commands.sendAndWait(new Ping());

            Actor expected = new Actor("head-kaifaqu", "kaifaqu", Set.of(Role.HEAD, Role.REVIEWER));
            assertThat(Actor.from(seen.get("command"))).isEqualTo(expected);
            assertThat(Actor.from(seen.get("event"))).isEqualTo(expected);
        } finally {
            SecurityContextHolder.clearContext();
            handler.cancel();
        }
    }

    record Ping() {
    }

    private Response as(String username, String password, String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api.send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .GET());
    }

    private static String newUser(String username, String agencyId, String password, String role) {
        return """
                {"username":"%s","displayName":"新同事","agencyId":"%s","roles":["%s"],"password":"%s"}"""
                .formatted(username, agencyId, role, password);
    }

    private static List<String> usernames(Response users) {
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        return users.json().findValuesAsString("username");
    }

    private static String uniqueUsername() {
        return "clerk-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
