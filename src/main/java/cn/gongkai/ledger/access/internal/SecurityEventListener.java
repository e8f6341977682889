package cn.gongkai.ledger.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What Spring Security announces about logins and refusals: a failed login is counted against the
 * username and the client's address ({@link LoginAttempts}) and logged; a successful one clears the
 * username's failures; a request refused for lack of a role is logged with who, what and from where.
 *
 * <p>Logged values that come from the client are stripped of control characters, so that a
 * crafted username cannot forge log lines. Passwords are never logged.
 */
public class SecurityEventListener {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventListener.class);
    private static final int MAX_LOGGED_LENGTH = 64;

    private final LoginAttempts attempts;

    public SecurityEventListener(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @EventListener
    public void loginFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String address = address(attempt);
        attempts.failed(attempt.getName(), address);
        log.warn("login failed: user '{}' from {} ({})", loggable(attempt.getName()), address,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    public void loginSucceeded(AuthenticationSuccessEvent event) {
        // every API request logs in (no session), so a success is not worth a line of its own
        attempts.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    public void accessDenied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        String request = currentRequest();
        if (who == null || who instanceof AnonymousAuthenticationToken) {
            log.debug("access denied to an anonymous caller: {}", request);
            return;
        }
        log.warn("access denied: user '{}' {}", loggable(who.getName()), request);
    }

    private static String currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getMethod() + " " + loggable(request.getRequestURI()) + " from " + request.getRemoteAddr();
        }
        return "(no HTTP request)";
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    private static String loggable(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_LOGGED_LENGTH ? clean.substring(0, MAX_LOGGED_LENGTH) + "…" : clean;
    }
}
