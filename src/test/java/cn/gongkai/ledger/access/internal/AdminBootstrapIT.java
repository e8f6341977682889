package cn.gongkai.ledger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A production installation: no demo users, one administrator and one platform administrator from the environment. */
@LedgerIntegrationTest
@TestPropertySource(properties = {
        "spring.flyway.locations=classpath:db/migration",
        "gongkai.bootstrap.admin-password=" + AdminBootstrapIT.PASSWORD,
        "gongkai.bootstrap.agency-id=xiping",
        "gongkai.bootstrap.agency-name=西平县人民政府",
        "gongkai.bootstrap.platform-admin-password=" + AdminBootstrapIT.PLATFORM_PASSWORD})
class AdminBootstrapIT {

    static final String PASSWORD = "first-login-2026";
    static final String PLATFORM_PASSWORD = "platform-login-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFreshInstallationHasOnlyTheBootstrapAdministratorWhoCanLogIn() {
        // given the service started on an empty database with the bootstrap settings

        Response me = as("admin", PASSWORD);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonNode json = me.json();
        assertThat(json.get("agencyId").asString()).isEqualTo("xiping");
        assertThat(json.get("agencyName").asString()).isEqualTo("西平县人民政府");
        assertThat(json.get("roles").findValuesAsString("role")).containsExactly("ADMIN");
        assertThat(jdbc.sql("select username from staff_user").query(String.class).list())
                .containsExactlyInAnyOrder("admin", "platform-admin");
        assertThat(as("handler-kaifaqu", "demo").status()).isEqualTo(401);
    }

    @Test
    void thePlatformAdministratorFromTheEnvironmentSeesTheBootstrapAgencyAndNothingOfIt() {
        // given the service started with a platform administrator's password

        Response me = as("platform-admin", PLATFORM_PASSWORD);
        Response agencies = as("platform-admin", PLATFORM_PASSWORD, "/api/platform/agencies");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("agencyId").asString()).isEqualTo("platform");
        assertThat(me.json().get("roles").findValuesAsString("role")).containsExactly("PLATFORM_ADMIN");
        assertThat(agencies.json().findValuesAsString("agencyId")).containsExactly("xiping");
        assertThat(as("platform-admin", PLATFORM_PASSWORD, "/api/requests").status()).isEqualTo(403);
    }

    private Response as(String username, String password) {
        return as(username, password, "/api/me");
    }

    private Response as(String username, String password, String path) {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(port).send(null, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .GET());
    }
}
