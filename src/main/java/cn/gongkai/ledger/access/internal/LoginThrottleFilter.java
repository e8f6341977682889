package cn.gongkai.ledger.access.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login with 429 and {@code Retry-After}, before the password is even
 * checked, while its username or the client's address has had too many recent failures
 * ({@link LoginAttempts}). Sits just before the {@code BasicAuthenticationFilter} of each filter
 * chain; {@link SecurityEventListener} counts the outcomes. The pages' sign-in form gets the same
 * count through {@link #forSignInForm}: its refusal is the sign-in page saying how long to wait.
 *
 * <p>Deliberately not a Spring bean: Boot would register a bean that is a {@code Filter} a second
 * time, outside Spring Security, for every request.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    /** How a throttled attempt is answered. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException;
    }

    private final LoginAttempts attempts;
    private final Function<HttpServletRequest, Optional<String>> usernameOf;
    private final Refusal refusal;

    /** For HTTP Basic: the username from the {@code Authorization} header, refused in JSON. */
    public LoginThrottleFilter(LoginAttempts attempts, JsonSecurityErrors errors) {
        this(attempts, new BasicUsername(), (request, response, wait) -> errors.tooManyLoginAttempts(response, wait));
    }

    private LoginThrottleFilter(LoginAttempts attempts, Function<HttpServletRequest, Optional<String>> usernameOf,
                                Refusal refusal) {
        this.attempts = attempts;
        this.usernameOf = usernameOf;
        this.refusal = refusal;
    }

    /**
     * For the pages' sign-in form: the username of a {@code POST} to {@code loginPath}, counted exactly like
     * a Basic login's (same users, same counts), refused by {@code refusal}.
     */
    public static LoginThrottleFilter forSignInForm(LoginAttempts attempts, String loginPath, Refusal refusal) {
        return new LoginThrottleFilter(attempts, request -> "POST".equals(request.getMethod())
                && loginPath.equals(request.getServletPath())
                ? Optional.ofNullable(request.getParameter("username")) : Optional.empty(), refusal);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = usernameOf.apply(request);
        if (username.isPresent()) {
            Optional<Duration> wait = attempts.blockedFor(username.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                // the username may be a mistyped password; log neither
                log.warn("login throttled from {} after too many failed attempts", request.getRemoteAddr());
                refusal.refuse(request, response, wait.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static final class BasicUsername implements Function<HttpServletRequest, Optional<String>> {

        private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

        @Override
        public Optional<String> apply(HttpServletRequest request) {
            try {
                UsernamePasswordAuthenticationToken token = basic.convert(request);
                return token == null ? Optional.empty() : Optional.of(token.getName());
            } catch (AuthenticationException malformed) {
                return Optional.empty(); // the BasicAuthenticationFilter answers a malformed header with 401
            }
        }
    }
}
