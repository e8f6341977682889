package cn.gongkai.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The pages' security, as a browser meets it: the sign-in form and its session cookie (HttpOnly,
 * SameSite=Lax), CSRF on every form, the pages' CSP, roles on pages (a 403 page in Chinese), sign-ins
 * throttled with the API's counts, and the API still stateless (a page's session opens no API call).
 */
@LedgerIntegrationTest
// the walk-through's database and application context (one context for both classes)
@TestPropertySource(properties = "gongkai.test.database=pages-walk-through")
class PageAccessIT {

    @LocalServerPort
    int port;

    @Test
    void aPageAsksForTheSignInFirst() throws Exception {
        PageSession anonymous = new PageSession(port);
        HttpResponse<String> page = anonymous.get("/requests");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> signIn = anonymous.get("/login");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("<html lang=\"zh-CN\"").contains("登录");
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteLaxSessionCookie() throws Exception {
        PageSession session = new PageSession(port);
        HttpResponse<String> signedIn = session.signIn("handler-kaifaqu", Api.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        HttpResponse<String> today = session.get("/");
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).contains("开发区经办人甲").contains("驻马店经济开发区管委会");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() throws Exception {
        PageSession session = new PageSession(port);
        session.signIn("handler-kaifaqu", Api.PASSWORD);
        HttpResponse<String> posted = session.post("/requests/new", Map.of("channel", "POST"), false);
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("无法提交").contains("没有保存任何内容");

        PageSession anonymous = new PageSession(port);
        anonymous.get("/login");
        HttpResponse<String> signIn = anonymous.post("/login",
                Map.of("username", "handler-kaifaqu", "password", Api.PASSWORD), false);
        assertThat(signIn.statusCode()).isEqualTo(403);
    }

    @Test
    void aPageTheRoleMayNotSeeIsRefusedInChinese() throws Exception {
        PageSession session = new PageSession(port);
        session.signIn("handler-kaifaqu", Api.PASSWORD);
        HttpResponse<String> review = session.get("/review");
        assertThat(review.statusCode()).isEqualTo(403);
        assertThat(review.body()).contains("无权访问").doesNotContain("Exception").doesNotContain("at cn.");
        HttpResponse<String> register = new PageSession(port).signedIn("auditor-kaifaqu").get("/requests/new");
        assertThat(register.statusCode()).isEqualTo(403);
    }

    @Test
    void anApplicationOfAnotherAgencyOrNoneIsNotFound() throws Exception {
        PageSession session = new PageSession(port).signedIn("handler-yicheng");
        HttpResponse<String> none = session.get("/requests/" + java.util.UUID.randomUUID());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("未找到");
        assertThat(session.get("/requests/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void theSessionDoesNotOpenTheApiWhichStaysStateless() throws Exception {
        PageSession session = new PageSession(port).signedIn("handler-kaifaqu");
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        HttpResponse<String> basic = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("handler-kaifaqu:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void repeatedFailedSignInsAreThrottledLikeBasicLogins() throws Exception {
        PageSession session = new PageSession(port);
        String location = "";
        for (int attempt = 0; attempt < 10 && !location.contains("wait="); attempt++) {
            location = session.signIn("nobody-pages-throttle", "wrong").headers().firstValue("Location").orElse("");
        }
        assertThat(location).contains("/login?wait=");
        assertThat(session.get(location.substring(location.indexOf("/login"))).body()).contains("登录失败次数过多");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
