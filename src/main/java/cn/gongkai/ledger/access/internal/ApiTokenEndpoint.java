package cn.gongkai.ledger.access.internal;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's administrator issues API tokens to the agency's service accounts, lists and revokes
 * them. The token's secret is in the 201 answer and nowhere else: not in the list, not in the logs,
 * not in the database (only its SHA-256). Another agency's token is not found (404).
 *
 * <p>Tokens go only to service accounts, never to a person's account, so no administrator can give
 * themselves roles through a token ({@code NoSelfGrantedRoles} of {@link UserAdministrationEndpoint}
 * holds); a service account may get any roles, as a new user may. A request authenticated with a
 * token cannot mint tokens (403): a leaked token must not be able to outlive its revocation by
 * issuing itself successors.
 */
@RestController
@RequestMapping("/api/admin/tokens")
@PreAuthorize("hasRole('ADMIN')")
class ApiTokenEndpoint {

    /** The longest a token may live: a forgotten token stops by itself within a year. */
    static final Duration MAX_LIFETIME = Duration.ofDays(366);

    private static final Logger log = LoggerFactory.getLogger(ApiTokenEndpoint.class);

    private final ApiTokens tokens;
    private final CurrentActor currentActor;
    /** The real clock: a token's expiry is compared with the database's now(), not with the business date. */
    private final Clock clock = Clock.systemUTC();

    ApiTokenEndpoint(ApiTokens tokens, CurrentActor currentActor) {
        this.tokens = tokens;
        this.currentActor = currentActor;
    }

    @Operation(summary = "创建 API 令牌 / Create an API token",
            description = "为服务账号创建令牌（角色、有效期），令牌只显示这一次，仅保存其 SHA-256 散列。 / Shown once; only its SHA-256 hash is kept.")
    @ApiResponse(responseCode = "201", description = "已创建，secret 只显示这一次 / created: keep the secret now")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: TokensOnlyForServiceAccounts, NoSelfGrantedRoles")
    @PostMapping
    ResponseEntity<NewTokenAnswer> create(@Valid @RequestBody NewToken body) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("an API token may not mint API tokens");
        }
        Actor admin = currentActor.current();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!body.expiresAt().isAfter(now)) {
            throw new InputRejected(FieldProblem.of("expiresAt",
                    "须晚于当前时间", "must be in the future"));
        }
        if (body.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
            throw new InputRejected(FieldProblem.of("expiresAt",
                    "有效期最长 366 天", "at most 366 days from now"));
        }
        AccountInput.refusePlatformRole(body.roles());
        ApiTokens.Minted minted = tokens.mint(body.serviceAccount(), admin.agencyId(), body.name(), body.roles(),
                body.expiresAt(), admin.username());
        ApiToken token = minted.token();
        log.info("API token {} ({}) for service account {} of {} with roles {} until {} created by {}", token.id(),
                token.name(), token.serviceAccount(), token.agencyId(), token.roles(), token.expiresAt(),
                admin.username());
        return ResponseEntity.created(URI.create("/api/admin/tokens/" + token.id()))
                .body(new NewTokenAnswer(token, minted.secret()));
    }

    @Operation(summary = "API 令牌列表 / List the API tokens")
    @GetMapping
    List<ApiToken> list() {
        return tokens.ofAgency(currentActor.current().agencyId());
    }

    @Operation(summary = "查看 API 令牌 / An API token")
    @GetMapping("/{tokenId}")
    ApiToken one(@PathVariable UUID tokenId) {
        return tokens.find(tokenId, currentActor.current().agencyId())
                .orElseThrow(() -> new NotFound("API token " + tokenId));
    }

    /** Effective on the next request, on every instance: each request looks its token up. */
    @Operation(summary = "吊销 API 令牌 / Revoke an API token")
    @PostMapping("/{tokenId}/revoke")
    ApiToken revoke(@PathVariable UUID tokenId) {
        Actor admin = currentActor.current();
        ApiToken revoked = tokens.revoke(tokenId, admin.agencyId(), admin.username());
        log.info("API token {} of service account {} revoked by {}", tokenId, revoked.serviceAccount(),
                admin.username());
        return revoked;
    }

    /**
     * @param name           what the token is for, e.g. "对接市政务平台 / city portal sync"
     * @param serviceAccount the service account's username; created with the first token
     * @param expiresAt      when the token stops working, at most {@link #MAX_LIFETIME} ahead
     */
    record NewToken(
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG)
            @Pattern(regexp = "[^\\p{Cc}\\p{Cf}]*", message = "不能含控制字符或格式字符 / no control or format characters")
            String name,
            @NotBlank(message = NOT_BLANK)
            @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
                    message = "3–64 个小写字母、数字或 . _ -，以字母或数字开头 / 3–64 lowercase letters, digits, . _ -")
            String serviceAccount,
            @NotEmpty(message = "至少一个角色 / at least one role") Set<@NotNull(message = REQUIRED) Role> roles,
            @NotNull(message = REQUIRED) OffsetDateTime expiresAt) {
    }

    /** The 201 answer: the token as listed, and its secret, shown this once. */
    record NewTokenAnswer(ApiToken token, String secret) {

        @Override
        public String toString() {
            return "NewTokenAnswer[" + token + "]";
        }
    }
}
