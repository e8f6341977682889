package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.StaffPrincipal;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token: the principal is the service account acting as
 * {@code <serviceAccount>@<tokenId>} with the token's roles, so that {@code CurrentActor} and
 * {@code @PreAuthorize} treat it like any staff user. Holds no credentials: the token text is
 * dropped as soon as it is checked.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final StaffPrincipal principal;
    private final UUID tokenId;

    ApiTokenAuthentication(StaffPrincipal principal, UUID tokenId) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public UUID tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public StaffPrincipal getPrincipal() {
        return principal;
    }
}
