package cn.gongkai.ledger.access;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff user on whose behalf the current thread works, taken from Spring Security's context. */
@Component
public class CurrentActor {

    /**
     * The logged-in staff user as an actor.
     *
     * @throws AuthenticationCredentialsNotFoundException if no staff user is logged in (answered with 401)
     */
    public Actor current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                "no staff user is logged in on this thread"));
    }

    /** The logged-in staff user as an actor, or empty if there is none (e.g. in a background job). */
    public Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof StaffPrincipal staff) {
            return Optional.of(staff.actor());
        }
        return Optional.empty();
    }
}
