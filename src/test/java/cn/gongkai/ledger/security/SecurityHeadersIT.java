package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.security.RawHttp.Answer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Every answer carries the security headers; Swagger UI gets the one relaxed policy it needs to load. */
@LedgerIntegrationTest
class SecurityHeadersIT {

    /** The pages' policy (web.PageAccessIT): this origin only, no inline script or style. */
    private static final String PAGES_CSP = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";
    private static final String STRICT_CSP =
            "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            "GET, /api/me, handler-kaifaqu, 200",
            "GET, /api/me, -, 401",
            "GET, /api/admin/users, handler-kaifaqu, 403",
            "GET, /api/requests/00000000-0000-0000-0000-000000000001, handler-kaifaqu, 404",
            "GET, /api/requests?size=0, handler-kaifaqu, 400",
            "GET, /v3/api-docs, -, 200",
            "GET, /actuator/health, -, 200",
            "GET, /actuator/metrics, handler-kaifaqu, 403",
            // outside /api/** a path is a page's: the sign-in form first (Basic does not sign in to pages)
            "GET, /not-a-page, -, 302",
            "GET, /not-a-page, handler-kaifaqu, 302"})
    void everyAnswerCarriesTheSecurityHeaders(String method, String path, String user, int expectedStatus) {
        Answer answer = new RawHttp(port).get(path, user, Api.PASSWORD);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(expectedStatus);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy"))
                .isEqualTo(path.startsWith("/not-a-page") ? PAGES_CSP : STRICT_CSP);
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        // plain HTTP: HSTS would be meaningless here and is left to HTTPS requests
        assertThat(answer.header("Strict-Transport-Security")).isNull();
    }

    @Test
    void anApiAnswerWithPersonalDataIsNeverStoredByACache() {
        Answer me = new RawHttp(port).get("/api/me", "handler-kaifaqu", Api.PASSWORD);

        assertThat(me.header("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(me.header("Pragma")).isEqualTo("no-cache");
        assertThat(me.header("Expires")).isEqualTo("0");
    }

    @Test
    void aRequestThatArrivedOverHttpsGetsStrictTransportSecurity() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        mvc.perform(get("/api/me").secure(true).with(httpBasic("handler-kaifaqu", Api.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/v3/api-docs").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    @Test
    void swaggerUiLoadsEverythingItNeedsFromItsOwnOriginUnderItsPolicy() {
        RawHttp http = new RawHttp(port);
        Answer welcome = http.get("/swagger-ui.html", null, null);
        assertThat(welcome.status()).as(welcome.toString()).isEqualTo(302);
        String indexPath = welcome.header("Location").replaceFirst("^https?://[^/]+", "");

        Answer index = http.get(indexPath, null, null);

        assertThat(index.status()).as(index.toString()).isEqualTo(200);
        String csp = index.header("Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(index.header("X-Frame-Options")).isEqualTo("DENY");
        // script-src 'self' without 'unsafe-inline' allows only scripts loaded from files
        assertThat(index.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
        List<String> assets = references(index.body());
        assertThat(assets).contains("./swagger-ui-bundle.js", "./swagger-initializer.js", "./swagger-ui.css");
        String folder = indexPath.substring(0, indexPath.lastIndexOf('/') + 1);
        for (String asset : assets) {
            assertThat(asset).doesNotStartWith("http").doesNotStartWith("//");
            Answer loaded = http.get(folder + asset.replaceFirst("^\\./", ""), null, null);
            assertThat(loaded.status()).as(asset).isEqualTo(200);
        }
        // springdoc points the page at its own configuration (which replaces the bundle's petstore
        // default) and switches the validator badge, an image from another site, off
        Answer initializer = http.get(folder + "swagger-initializer.js", null, null);
        assertThat(initializer.body()).contains("\"configUrl\" : \"/v3/api-docs/swagger-config\"",
                "\"validatorUrl\" : \"\"");
        // what the page then fetches under connect-src 'self'
        Answer config = http.get("/v3/api-docs/swagger-config", null, null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(http.get("/v3/api-docs", null, null).status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionItselfKeepsTheStrictPolicy() {
        Answer docs = new RawHttp(port).get("/v3/api-docs", null, null);

        assertThat(docs.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
    }

    @Test
    void aThrottledLoginCarriesTheHeadersToo() {
        RawHttp client = new RawHttp(port, "127.0.0.41");
        String unknown = "headers-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            client.get("/api/me", unknown, "wrong");
        }

        Answer refused = client.get("/api/me", unknown, "wrong");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Security-Policy")).isEqualTo(STRICT_CSP);
        assertThat(refused.header("Cache-Control")).contains("no-store");
    }

    private static List<String> references(String html) {
        Matcher matcher = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
