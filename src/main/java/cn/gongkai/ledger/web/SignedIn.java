package cn.gongkai.ledger.web;

import cn.gongkai.ledger.access.Role;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person as the pages' frame shows them, as the model attribute {@code me}.
 *
 * @param username    the login name
 * @param displayName the name shown in the header
 * @param agencyName  the agency's official name
 * @param roles       the roles held
 */
public record SignedIn(String username, String displayName, String agencyName, Set<Role> roles) {

    public boolean has(String role) {
        return roles.stream().anyMatch(held -> held.name().equals(role));
    }

    public boolean hasAny(String... names) {
        for (String name : names) {
            if (has(name)) {
                return true;
            }
        }
        return false;
    }

    /** The roles' Chinese names, e.g. 经办人、审核人. */
    public String roleLabels() {
        List<String> labels = roles.stream().map(Role::label).toList();
        return String.join("、", labels);
    }
}
