package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of service accounts, in {@code api_token}. A token is {@code gk_} followed by 32 random
 * bytes in base64url (256 bits: guessing one is hopeless, so a fast hash is enough); only its
 * SHA-256 is stored, and the token text exists once, in the answer that created it.
 *
 * <p>{@link #authenticate} is the per-request check: one lookup by the unique hash index, joined to
 * the account so that disabling a service account stops its tokens. There is no cache: a revocation
 * or a disabled account takes effect on the next request, on every instance, at the cost of one
 * indexed read (well under a millisecond on a local PostgreSQL), still no bcrypt.
 */
@Component
public class ApiTokens {

    /** What every token starts with, so that scanners and people recognise a leaked one. */
    public static final String PREFIX = "gk_";
    private static final int RANDOM_BYTES = 32;
    /** {@code gk_} and 43 base64url characters. */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Mints a token for the agency's service account, creating the account if it does not exist.
     *
     * @return the token as listed, and its secret text, which is nowhere else
     * @throws RuleViolation {@code TokensOnlyForServiceAccounts} if the username is a person's, or
     *                       another agency's account
     */
    @Transactional
    public Minted mint(String serviceAccount, String agencyId, String name, Set<Role> roles, OffsetDateTime expiresAt,
                       String createdBy) {
        jdbc.sql("""
                        insert into staff_user (username, password_hash, display_name, agency_id, service_account)
                        values (?, null, ?, ?, true) on conflict (username) do nothing""")
                .params(serviceAccount, serviceAccount, agencyId)
                .update();
        boolean own = jdbc.sql("""
                        select service_account and agency_id = ? from staff_user where username = ? for update""")
                .params(agencyId, serviceAccount)
                .query(Boolean.class)
                .single();
        if (!own) {
            throw new RuleViolation("TokensOnlyForServiceAccounts", "serviceAccount",
                    "用户名 " + serviceAccount + " 已被使用，且不是本机关的服务账号；令牌只能发给服务账号，不能发给个人账号",
                    "the username " + serviceAccount + " is taken by an account that is not a service account of"
                            + " your agency; tokens are only issued to service accounts, never to a person's account");
        }
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_token (id, token_hash, name, username, agency_id, roles, created_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, sha256(token), name, serviceAccount, agencyId, roleNames(roles), createdBy, expiresAt)
                .update();
        return new Minted(find(id, agencyId).orElseThrow(), token);
    }

    /** The agency's tokens, newest first, revoked and expired ones included; never their secrets. */
    public List<ApiToken> ofAgency(String agencyId) {
        return jdbc.sql(SELECT + " where agency_id = ? order by created_at desc, id")
                .param(agencyId)
                .query(TokenRow.class)
                .list()
                .stream()
                .map(TokenRow::token)
                .toList();
    }

    /** The token, if it belongs to the agency; another agency's token is not found. */
    public Optional<ApiToken> find(UUID id, String agencyId) {
        return jdbc.sql(SELECT + " where id = ? and agency_id = ?")
                .params(id, agencyId)
                .query(TokenRow.class)
                .optional()
                .map(TokenRow::token);
    }

    /**
     * Revokes the token at once; revoking it again changes nothing (the first revocation is kept).
     *
     * @throws NotFound if the agency has no such token
     */
    @Transactional
    public ApiToken revoke(UUID id, String agencyId, String revokedBy) {
        int found = jdbc.sql("""
                        update api_token set revoked_at = coalesce(revoked_at, now()),
                               revoked_by = coalesce(revoked_by, ?)
                        where id = ? and agency_id = ?""")
                .params(revokedBy, id, agencyId)
                .update();
        if (found == 0) {
            throw new NotFound("API token " + id);
        }
        return find(id, agencyId).orElseThrow();
    }

    /**
     * The valid token with this text: known, not revoked, not expired (by the database's clock, the
     * same for every instance), of an enabled service account. Text that cannot be a token is not
     * looked up.
     */
    public Optional<Holder> authenticate(String token) {
        if (token.length() != TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select t.id, t.username, t.agency_id, t.roles, u.display_name
                        from api_token t join staff_user u on u.username = t.username
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and u.enabled""")
                .param(sha256(token))
                .query(HolderRow.class)
                .optional()
                .map(row -> new Holder(row.id(), row.username(), row.displayName(), row.agencyId(), parseRoles(row.roles())));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String roleNames(Set<Role> roles) {
        EnumSet<Role> ordered = EnumSet.noneOf(Role.class);
        ordered.addAll(roles);
        return ordered.stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static Set<Role> parseRoles(String names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names.split(",")).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    private static final String SELECT = """
            select id, name, username, agency_id, roles, created_by, created_at, expires_at, revoked_at, revoked_by
            from api_token""";

    /** A token with its secret, as minted: the secret goes to the caller once and is forgotten. */
    public record Minted(ApiToken token, String secret) {

        @Override
        public String toString() {
            return "Minted[" + token + "]";
        }
    }

    /** Whose token a request carries: the service account, with the token's roles. */
    public record Holder(UUID tokenId, String serviceAccount, String displayName, String agencyId, Set<Role> roles) {
    }

    private record HolderRow(UUID id, String username, String agencyId, String roles, String displayName) {
    }

    private record TokenRow(UUID id, String name, String username, String agencyId, String roles, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                            String revokedBy) {

        ApiToken token() {
            return new ApiToken(id, name, username, agencyId, parseRoles(roles), createdBy, createdAt, expiresAt, revokedAt,
                    revokedBy);
        }
    }
}
