package cn.gongkai.ledger.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an HTTP Basic login with 429 and {@code Retry-After}, before the password is even
 * checked, while its username or the client's address has had too many recent failures
 * ({@link LoginAttempts}). Sits just before the {@code BasicAuthenticationFilter} of each filter
 * chain; {@link SecurityEventListener} counts the outcomes.
 *
 * <p>Deliberately not a Spring bean: Boot would register a bean that is a {@code Filter} a second
 * time, outside Spring Security, for every request.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginAttempts attempts;
    private final JsonSecurityErrors errors;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    public LoginThrottleFilter(LoginAttempts attempts, JsonSecurityErrors errors) {
        this.attempts = attempts;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = username(request);
        if (username.isPresent()) {
            Optional<Duration> wait = attempts.blockedFor(username.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                // the username may be a mistyped password; log neither
                log.warn("login throttled from {} after too many failed attempts", request.getRemoteAddr());
                errors.tooManyLoginAttempts(response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<String> username(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken token = basic.convert(request);
            return token == null ? Optional.empty() : Optional.of(token.getName());
        } catch (AuthenticationException malformed) {
            return Optional.empty(); // the BasicAuthenticationFilter answers a malformed header with 401
        }
    }
}
