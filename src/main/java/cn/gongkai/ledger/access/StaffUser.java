package cn.gongkai.ledger.access;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A staff account as administrators see it; never with its password hash. A service account has no
 * password and acts only through its API tokens (its API tokens), with the tokens' roles.
 */
public record StaffUser(String username, String displayName, String agencyId, Set<Role> roles, boolean enabled,
                        OffsetDateTime createdAt, boolean serviceAccount) {

    public StaffUser {
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles);
        roles = Collections.unmodifiableSet(copy);
    }
}
