package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Role;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An API token as administrators see it: never its secret, which is shown once when it is created
 * ({@link ApiTokenEndpoint}). Commands sent with it name the actor {@code <serviceAccount>@<id>}
 * ({@link #actorName}), so the event history says which token acted.
 *
 * @param serviceAccount the service account the token belongs to
 * @param revokedAt      when it was revoked, or null while it is not
 */
public record ApiToken(UUID id, String name, String serviceAccount, String agencyId, Set<Role> roles,
                       String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                       OffsetDateTime revokedAt, String revokedBy) {

    public ApiToken {
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles);
        roles = Collections.unmodifiableSet(copy);
    }

    /** The actor a command sent with this token records. */
    public String actor() {
        return actorName(serviceAccount, id);
    }

    /**
     * {@code <serviceAccount>@<token id>}: no username can contain {@code @}, so this never names a
     * person, and the audit trail's per-user views take it as a path segment unescaped.
     */
    static String actorName(String serviceAccount, UUID tokenId) {
        return serviceAccount + "@" + tokenId;
    }
}
