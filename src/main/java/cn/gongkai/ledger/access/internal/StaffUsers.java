package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.StaffUser;
import cn.gongkai.ledger.platform.RuleViolation;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts in {@code staff_user} and {@code staff_role}. Accounts are disabled, never
 * deleted, because events keep naming them as actors.
 *
 * <p>Changes that could take an agency's last administrator away lock the agency's row first, so
 * that two administrators demoting each other at the same moment cannot both succeed.
 */
@Component
public class StaffUsers {

    /** The username of the bootstrap platform administrator. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The agency table's row of the platform's operators (migration V20), which keeps no register. */
    public static final String PLATFORM_AGENCY = "platform";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    StaffUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    public boolean none() {
        return jdbc.sql("select not exists (select 1 from staff_user)").query(Boolean.class).single();
    }

    /** The users of one agency, by username. */
    public List<StaffUser> ofAgency(String agencyId) {
        List<UserRow> rows = jdbc.sql("""
                        select username, display_name, agency_id, enabled, created_at, service_account
                        from staff_user where agency_id = ? order by username""")
                .param(agencyId)
                .query(UserRow.class)
                .list();
        Map<String, Set<Role>> roles = jdbc.sql("""
                        select r.username, r.role from staff_role r join staff_user u on u.username = r.username
                        where u.agency_id = ?""")
                .param(agencyId)
                .query(RoleRow.class)
                .stream()
                .collect(Collectors.groupingBy(RoleRow::username,
                        Collectors.mapping(RoleRow::role, Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
        return rows.stream()
                .map(row -> row.withRoles(roles.getOrDefault(row.username(), Set.of())))
                .toList();
    }

    public Optional<StaffUser> find(String username) {
        return jdbc.sql("""
                        select username, display_name, agency_id, enabled, created_at, service_account
                        from staff_user where username = ?""")
                .param(username)
                .query(UserRow.class)
                .optional()
                .map(row -> row.withRoles(rolesOf(username)));
    }

    /**
     * Creates an enabled account; the password is stored as a hash only.
     *
     * @throws RuleViolation {@code UsernameTaken} if any agency already has a user of that name
     */
    @Transactional
    public StaffUser create(String username, String displayName, String agencyId, Set<Role> roles, String password) {
        int inserted = jdbc.sql("""
                        insert into staff_user (username, password_hash, display_name, agency_id)
                        values (?, ?, ?, ?) on conflict (username) do nothing""")
                .params(username, passwordEncoder.encode(password), displayName, agencyId)
                .update();
        if (inserted == 0) {
            throw new RuleViolation("UsernameTaken", "username",
                    "用户名 " + username + " 已被使用", "the username " + username + " is already taken");
        }
        insertRoles(username, roles);
        return find(username).orElseThrow();
    }

    /** Replaces the user's roles. */
    @Transactional
    public StaffUser changeRoles(StaffUser user, Set<Role> roles) {
        lockAgency(user.agencyId());
        if (user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(user);
        }
        jdbc.sql("delete from staff_role where username = ?").param(user.username()).update();
        insertRoles(user.username(), roles);
        return find(user.username()).orElseThrow();
    }

    /** Disables the account: it can no longer log in; what it did stays attributed to it. */
    @Transactional
    public StaffUser disable(StaffUser user) {
        lockAgency(user.agencyId());
        if (user.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin(user);
        }
        jdbc.sql("update staff_user set enabled = false where username = ?").param(user.username()).update();
        return find(user.username()).orElseThrow();
    }

    /** The bootstrap administrator of a fresh installation, with the agency it administers. */
    @Transactional
    public void bootstrapAdmin(String agencyId, String agencyName, String password) {
        jdbc.sql("insert into agency (id, name) values (?, ?) on conflict (id) do nothing")
                .params(agencyId, agencyName)
                .update();
        int inserted = jdbc.sql("""
                        insert into staff_user (username, password_hash, display_name, agency_id)
                        values ('admin', ?, '管理员', ?) on conflict (username) do nothing""")
                .params(passwordEncoder.encode(password), agencyId)
                .update();
        if (inserted == 1) {
            insertRoles("admin", Set.of(Role.ADMIN));
        }
    }

    /** Whether any account, enabled or not, holds the platform administrator role. */
    public boolean anyPlatformAdmin() {
        return jdbc.sql("select exists (select 1 from staff_role where role = 'PLATFORM_ADMIN')")
                .query(Boolean.class).single();
    }

    /** The bootstrap platform administrator, of the platform's operators, with no other role. */
    @Transactional
    public void bootstrapPlatformAdmin(String password) {
        int inserted = jdbc.sql("""
                        insert into staff_user (username, password_hash, display_name, agency_id)
                        values (?, ?, '平台管理员', ?) on conflict (username) do nothing""")
                .params(PLATFORM_ADMIN, passwordEncoder.encode(password), PLATFORM_AGENCY)
                .update();
        if (inserted == 1) {
            insertRoles(PLATFORM_ADMIN, Set.of(Role.PLATFORM_ADMIN));
        }
    }

    private void insertRoles(String username, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into staff_role (username, role) values (?, ?)")
                    .params(username, role.name())
                    .update();
        }
    }

    private Set<Role> rolesOf(String username) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from staff_role where username = ?")
                .param(username)
                .query(String.class)
                .list()
                .forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private void lockAgency(String agencyId) {
        jdbc.sql("select id from agency where id = ? for update").param(agencyId).query(String.class).list();
    }

    private void requireAnotherAdmin(StaffUser user) {
        long otherAdmins = jdbc.sql("""
                        select count(*) from staff_user u join staff_role r on r.username = u.username
                        where u.agency_id = ? and u.enabled and r.role = 'ADMIN' and u.username <> ?""")
                .params(user.agencyId(), user.username())
                .query(Long.class)
                .single();
        if (otherAdmins == 0) {
            throw new RuleViolation("LastAdminStays",
                    "机关须至少保留一名可用的管理员，" + user.username() + " 是最后一名",
                    "the agency must keep at least one enabled administrator, and " + user.username()
                            + " is the last one");
        }
    }

    record RoleRow(String username, Role role) {
    }

    record UserRow(String username, String displayName, String agencyId, boolean enabled,
                   OffsetDateTime createdAt, boolean serviceAccount) {

        StaffUser withRoles(Set<Role> roles) {
            return new StaffUser(username, displayName, agencyId, roles, enabled, createdAt, serviceAccount);
        }
    }
}
