package cn.gongkai.ledger.access;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in staff user as Spring Security holds it: the account from {@code staff_user} with its
 * agency and its roles, each role granted as the authority {@code ROLE_<name>}.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final String username;
    private String passwordHash;
    private final String displayName;
    private final String agencyId;
    private final Set<Role> roles;
    private final boolean enabled;

    public StaffPrincipal(String username, String passwordHash, String displayName, String agencyId,
                          Set<Role> roles, boolean enabled) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.agencyId = agencyId;
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles);
        this.roles = Collections.unmodifiableSet(copy);
        this.enabled = enabled;
    }

    /** The actor this user is when sending commands. */
    public Actor actor() {
        return new Actor(username, agencyId, roles);
    }

    public String displayName() {
        return displayName;
    }

    public String agencyId() {
        return agencyId;
    }

    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** The stored hash, with its {@code {bcrypt}} prefix; null once authentication is done. */
    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffPrincipal that && username.equals(that.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + ", agency " + agencyId + ", " + roles + "]";
    }
}
