package cn.gongkai.ledger.access.internal;

import static cn.gongkai.ledger.platform.Messages.NOT_BLANK;
import static cn.gongkai.ledger.platform.Messages.REQUIRED;
import static cn.gongkai.ledger.platform.Messages.TOO_LONG;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.access.StaffAdministration;
import cn.gongkai.ledger.access.StaffUser;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's administrator manages the agency's staff accounts, and only those: creating a user
 * for another agency is forbidden (403), and another agency's users are not found (404).
 */
@RestController
@RequestMapping("/api/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdministrationEndpoint implements StaffAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministrationEndpoint.class);

    private final StaffUsers users;
    private final CurrentActor currentActor;

    private final Validator validator;

    UserAdministrationEndpoint(StaffUsers users, CurrentActor currentActor, Validator validator) {
        this.users = users;
        this.currentActor = currentActor;
        this.validator = validator;
    }

    @Override
    public StaffUser create(String username, String displayName, Set<Role> roles, String password) {
        NewUser body = new NewUser(username, displayName, currentActor.current().agencyId(), roles, password);
        refuseInvalid(body);
        return create(body).getBody();
    }

    @Override
    public StaffUser changeRoles(String username, Set<Role> roles) {
        NewRoles body = new NewRoles(roles);
        refuseInvalid(body);
        return changeRoles(username, body);
    }

    /** What {@code @Valid} refuses for a request body, refused the same way for a page's form. */
    private void refuseInvalid(Object body) {
        List<FieldProblem> problems = validator.validate(body).stream()
                .map(violation -> {
                    String[] message = violation.getMessage().split(" / ", 2);
                    String field = violation.getPropertyPath().iterator().next().getName();
                    return FieldProblem.of(field, message[0], message.length > 1 ? message[1] : message[0]);
                })
                .toList();
        if (!problems.isEmpty()) {
            throw new InputRejected(problems);
        }
    }

    @Operation(summary = "新增用户 / Create a staff user")
    @ApiResponse(responseCode = "201", description = "已创建 / created")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: UsernameTaken, NoSelfGrantedRoles, OwnAgencyOnly")
    @PostMapping
    ResponseEntity<StaffUser> create(@Valid @RequestBody NewUser body) {
        Actor admin = currentActor.current();
        if (!admin.agencyId().equals(body.agencyId())) {
            throw new AccessDeniedException("administrator " + admin.username() + " of " + admin.agencyId()
                    + " may not create users of " + body.agencyId());
        }
        AccountInput.refuseOverlongPassword(body.password());
        AccountInput.refusePlatformRole(body.roles());
        StaffUser created = users.create(body.username(), body.displayName(), body.agencyId(), body.roles(),
                body.password());
        log.info("staff user {} of {} created by {} with roles {}", created.username(), created.agencyId(),
                admin.username(), created.roles());
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @Operation(summary = "用户列表 / List the staff users")
    @Override
    @GetMapping
    public List<StaffUser> list() {
        return users.ofAgency(currentActor.current().agencyId());
    }

    @Operation(summary = "查看用户 / A staff user")
    @Override
    @GetMapping("/{username}")
    public StaffUser one(@PathVariable String username) {
        return ofOwnAgency(username, currentActor.current());
    }

    @Operation(summary = "更改用户角色 / Change a user's roles")
    @ApiResponse(responseCode = "200", description = "已更改 / changed")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: ServiceAccountRolesAreTheTokens, NoSelfGrantedRoles, LastAdminStays")
    @PutMapping("/{username}/roles")
    StaffUser changeRoles(@PathVariable String username, @Valid @RequestBody NewRoles body) {
        Actor admin = currentActor.current();
        StaffUser user = ofOwnAgency(username, admin);
        if (user.serviceAccount()) {
            // a service account acts only through its tokens, each with the roles it was minted with
            throw new RuleViolation("ServiceAccountRolesAreTheTokens", "roles",
                    "服务账号的角色由其令牌决定：请签发新令牌并吊销旧令牌",
                    "a service account has the roles of its tokens: mint a new token and revoke the old one");
        }
        AccountInput.refusePlatformRole(body.roles());
        refuseSelfGrantedRoles(user, admin, body.roles());
        StaffUser changed = users.changeRoles(user, body.roles());
        log.info("roles of staff user {} set to {} by {}", username, changed.roles(), admin.username());
        return changed;
    }

    @Operation(summary = "停用用户 / Disable a user")
    @ApiResponse(responseCode = "200", description = "已停用 / disabled")
    @ApiResponse(responseCode = "422", description = "违反业务规则 / a rule refused it: LastAdminStays")
    @Override
    @PostMapping("/{username}/disable")
    public StaffUser disable(@PathVariable String username) {
        Actor admin = currentActor.current();
        StaffUser disabled = users.disable(ofOwnAgency(username, admin));
        log.info("staff user {} disabled by {}", username, admin.username());
        return disabled;
    }

    /**
     * No one grants roles to themselves: an administrator who could add HANDLER, REVIEWER or HEAD to
     * their own account could then register, approve and correct alone, with no second person
     * involved. Another administrator of the agency grants them. Dropping one's own roles stays
     * allowed (the last administrator is kept by {@link StaffUsers}).
     */
    private static void refuseSelfGrantedRoles(StaffUser user, Actor admin, Set<Role> roles) {
        if (!user.username().equals(admin.username())) {
            return;
        }
        EnumSet<Role> added = EnumSet.noneOf(Role.class);
        added.addAll(roles);
        added.removeAll(user.roles());
        if (!added.isEmpty()) {
            throw new RuleViolation("NoSelfGrantedRoles", "roles",
                    "不能给自己的账号增加角色（" + added + "），须由本机关的另一名管理员授予",
                    "you cannot add roles (" + added + ") to your own account: another administrator of the"
                            + " agency must grant them");
        }
    }

    /** The user, if it belongs to the administrator's agency; another agency's user is not found. */
    private StaffUser ofOwnAgency(String username, Actor admin) {
        return users.find(username)
                .filter(user -> user.agencyId().equals(admin.agencyId()))
                .orElseThrow(() -> new NotFound("staff user " + username));
    }

    record NewUser(
            @NotBlank(message = NOT_BLANK)
            @Pattern(regexp = AccountInput.USERNAME, message = AccountInput.USERNAME_MESSAGE)
            String username,
            @NotBlank(message = NOT_BLANK) @Size(max = 100, message = TOO_LONG) String displayName,
            @NotBlank(message = NOT_BLANK) String agencyId,
            @NotEmpty(message = "至少一个角色 / at least one role") Set<@NotNull(message = REQUIRED) Role> roles,
            @NotNull(message = REQUIRED) @Size(min = 12, max = 72, message = AccountInput.PASSWORD_MESSAGE)
            String password) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + agencyId + ", " + roles + "]";
        }
    }

    record NewRoles(@NotEmpty(message = "至少一个角色 / at least one role") Set<@NotNull(message = REQUIRED) Role> roles) {
    }
}
