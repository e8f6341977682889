package cn.gongkai.ledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.security.RawHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The API keeps no session: every request carries its credentials, nothing is remembered between
 * requests, so there is nothing to expire or to steal. The other chain, for browser forms to come,
 * keeps CSRF protection on.
 */
@LedgerIntegrationTest
class SessionsAndCsrfIT {

    private static final String UNKNOWN = "/api/requests/00000000-0000-0000-0000-000000000002";

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Test
    void theApiNeverSetsASessionCookie() {
        RawHttp http = new RawHttp(port);

        List<Answer> answers = List.of(
                http.get("/api/me", "handler-kaifaqu", Api.PASSWORD),
                http.get("/api/requests", "auditor-kaifaqu", Api.PASSWORD),
                http.get("/api/me", null, null),
                http.get("/api/me", "handler-kaifaqu", "wrong-password"),
                http.get("/api/admin/users", "handler-kaifaqu", Api.PASSWORD),
                http.get(UNKNOWN, "handler-kaifaqu", Api.PASSWORD),
                http.post(UNKNOWN + "/withdrawal", "handler-kaifaqu", Api.PASSWORD, "{\"withdrawnOn\":\"2026-01-05\"}"),
                http.post(UNKNOWN + "/withdrawal", "handler-kaifaqu", Api.PASSWORD, "{}"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.all("Set-Cookie")).as(answer.toString()).isEmpty();
        });
        assertThat(answers).extracting(Answer::status).containsExactly(200, 200, 401, 401, 403, 404, 404, 400);
    }

    @Test
    void aLoginIsNotRememberedBetweenApiRequests() {
        RawHttp http = new RawHttp(port);
        assertThat(http.get("/api/me", "handler-kaifaqu", Api.PASSWORD).status()).isEqualTo(200);

        Answer next = http.get("/api/me", null, null);

        assertThat(next.status()).isEqualTo(401);
    }

    @Test
    void aPostToANonApiPathWithoutACsrfTokenIsRefused() {
        Answer refused = new RawHttp(port).post("/forms/feedback", "handler-kaifaqu", Api.PASSWORD, "{}");
        Answer anonymous = new RawHttp(port).post("/forms/feedback", null, null, "{}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).isEqualTo("forbidden");
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(403);
    }

    @Test
    void theSamePostWithAValidCsrfTokenGetsPastTheCsrfCheck() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        // the pages sign in with a form and hold a session (web.PageAccessIT); here a signed-in user stands for it
        mvc.perform(post("/forms/feedback").with(user("handler-kaifaqu").roles("HANDLER")))
                .andExpect(status().isForbidden());
        // past CSRF and login, there is simply no such page
        mvc.perform(post("/forms/feedback").with(user("handler-kaifaqu").roles("HANDLER")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void apiPostsNeedNoCsrfTokenBecauseTheyCarryTheirCredentials() {
        Answer answer = new RawHttp(port).post(UNKNOWN + "/withdrawal", "handler-kaifaqu", Api.PASSWORD,
                "{\"withdrawnOn\":\"2026-01-05\"}");

        assertThat(answer.status()).isEqualTo(404);
    }
}
