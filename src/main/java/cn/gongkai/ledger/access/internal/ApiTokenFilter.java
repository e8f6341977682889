package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.StaffPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>} with an API token
 * ({@link ApiTokens#authenticate}: one indexed lookup by SHA-256, no bcrypt). A token that is
 * unknown, expired or revoked, or of a disabled account, is answered 401 with the JSON error body
 * and counted as a failed login against the client's address ({@link LoginAttempts#failedFromAddress}),
 * so guessing tokens is slowed down like guessing passwords; an address that must wait gets 429
 * before its token is looked up. Requests without a Bearer header pass on to HTTP Basic.
 *
 * <p>The token is never logged, not even in part. Deliberately not a Spring bean, as
 * {@link LoginThrottleFilter}: Boot would register it a second time outside Spring Security.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final LoginAttempts attempts;
    private final JsonSecurityErrors errors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public ApiTokenFilter(ApiTokens tokens, LoginAttempts attempts, JsonSecurityErrors errors) {
        this.tokens = tokens;
        this.attempts = attempts;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = attempts.blockedFor(address);
        if (wait.isPresent()) {
            log.warn("API token throttled from {} after too many failed attempts", address);
            errors.tooManyLoginAttempts(response, wait.get());
            return;
        }
        Optional<ApiTokens.Holder> holder = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            attempts.failedFromAddress(address);
            log.warn("API token refused from {}: unknown, expired or revoked", address);
            errors.invalidToken(response);
            return;
        }
        ApiTokens.Holder found = holder.get();
        StaffPrincipal principal = new StaffPrincipal(ApiToken.actorName(found.serviceAccount(), found.tokenId()),
                null, found.displayName(), found.agencyId(), found.roles(), true);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(principal, found.tokenId()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
