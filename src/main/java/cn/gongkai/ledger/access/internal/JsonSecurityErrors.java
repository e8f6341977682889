package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.platform.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request that is not logged in (401) or not allowed (403) with a JSON body in the shape
 * of every other error answer (platform's {@code ApiError}), instead of an HTML page. The bodies
 * are constant: they must not tell a caller which usernames exist or why a login failed.
 *
 * <p>A login refused because of too many failed attempts is answered 429 with {@code Retry-After}
 * ({@link #tooManyLoginAttempts}); it says how long to wait, never whether the username exists.
 *
 * <p>A {@code @PreAuthorize} refusal inside a controller is answered by the platform's error
 * handler with the same 403 body; this class answers refusals made by the filter chain.
 */
@Component
public class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String UNAUTHORIZED = """
            {"status":401,"error":"unauthorized","rule":null,"message":"请先登录","messageEn":"authentication required","fields":[]}""";
    private static final String FORBIDDEN = """
            {"status":403,"error":"forbidden","rule":null,"message":"无权执行此操作","messageEn":"not allowed","fields":[]}""";

    private static final String DATABASE_UNAVAILABLE = """
            {"status":503,"error":"service_unavailable","rule":"%s","message":"%s","messageEn":"%s","fields":[]}"""
            .formatted(DatabaseUnavailable.RULE, DatabaseUnavailable.MESSAGE_ZH, DatabaseUnavailable.MESSAGE_EN);
    private static final String TOO_MANY_LOGIN_ATTEMPTS = """
            {"status":429,"error":"too_many_requests","rule":"LoginAttemptsExceeded",\
            "message":"登录失败次数过多，请 %d 秒后再试","messageEn":"too many failed logins; try again in %d seconds",\
            "fields":[]}""";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        // a sign-in that could not be checked because the database is out of reach is no refusal
        if (DatabaseUnavailable.causes(e)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
            return;
        }
        // The challenge tells clients that send credentials only when asked (e.g. java.net.http) to use Basic.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gongkai-ledger\", charset=\"UTF-8\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
    }

    /**
     * 401 for an API token that is unknown, expired or revoked: the same body as any missing login,
     * so that it does not say which, with the Bearer challenge of RFC 6750.
     */
    public void invalidToken(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gongkai-ledger\", error=\"invalid_token\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
    }

    /** 429 for a login attempt refused unchecked, with the seconds to wait in {@code Retry-After}. */
    public void tooManyLoginAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(response, 429, TOO_MANY_LOGIN_ATTEMPTS.formatted(seconds, seconds));
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
