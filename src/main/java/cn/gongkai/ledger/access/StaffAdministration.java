package cn.gongkai.ledger.access;

import java.util.List;
import java.util.Set;

/**
 * The administration of the acting administrator's agency's staff accounts, with the rules of
 * {@code /api/admin/users} (the same Bean Validation of the input, another agency's user not found,
 * {@code NoSelfGrantedRoles}, a service account's roles being its tokens'). For the 管理 pages; refusals are
 * the API's exceptions ({@code InputRejected}, {@code RuleViolation}, {@code NotFound}).
 */
public interface StaffAdministration {

    List<StaffUser> list();

    StaffUser one(String username);

    /** A new user of the administrator's own agency. */
    StaffUser create(String username, String displayName, Set<Role> roles, String password);

    StaffUser changeRoles(String username, Set<Role> roles);

    StaffUser disable(String username);
}
