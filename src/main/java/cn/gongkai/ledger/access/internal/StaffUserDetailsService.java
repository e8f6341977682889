package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.StaffPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads a staff user with agency and roles from {@code staff_user} and {@code staff_role}. A service
 * account is not found here: it has no password and logs in only with its API tokens
 * ({@link ApiTokenFilter}).
 */
public class StaffUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    public StaffUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffUserRow user = jdbc.sql("""
                        select username, password_hash, display_name, agency_id, enabled
                        from staff_user where username = ? and not service_account""")
                .param(username)
                .query(StaffUserRow.class)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no staff user " + username));
        return new StaffPrincipal(user.username(), user.passwordHash(), user.displayName(), user.agencyId(),
                rolesOf(username), user.enabled());
    }

    private Set<Role> rolesOf(String username) {
        List<String> names = jdbc.sql("select role from staff_role where username = ?")
                .param(username)
                .query(String.class)
                .list();
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private record StaffUserRow(String username, String passwordHash, String displayName, String agencyId,
                                boolean enabled) {
    }
}
