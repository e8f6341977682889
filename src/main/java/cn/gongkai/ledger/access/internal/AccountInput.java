package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What a new staff account must look like, wherever it is created: by an agency's ADMIN
 * ({@code /api/admin/users}) or, for an agency's first ADMIN, by the platform administrator.
 */
public final class AccountInput {

    /** A username: 3–64 lowercase letters, digits, {@code . _ -}, starting with a letter or digit. */
    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    public static final String USERNAME_MESSAGE =
            "3–64 个小写字母、数字或 . _ -，以字母或数字开头 / 3–64 lowercase letters, digits, . _ -";
    public static final String PASSWORD_MESSAGE = "密码须为 12–72 个字符 / 12 to 72 characters";

    /** BCrypt reads at most 72 bytes of a password; a longer one would be cut silently or refused. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private AccountInput() {
    }

    /** Refuses a password of more than 72 bytes (400, field {@code password}); its length in characters is checked by validation. */
    public static void refuseOverlongPassword(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InputRejected(FieldProblem.of("password",
                    "密码过长（最多 72 字节，约 24 个汉字）", "too long: at most 72 bytes"));
        }
    }

    /**
     * No agency grants {@link Role#PLATFORM_ADMIN}, to a user or a token: it would put an account of the
     * agency above every agency. Only the bootstrap configuration creates a platform administrator.
     */
    public static void refusePlatformRole(Set<Role> roles) {
        if (roles != null && roles.contains(Role.PLATFORM_ADMIN)) {
            throw new RuleViolation("PlatformAdminNotGrantedByAgencies", "roles",
                    "平台管理员角色不能由机关授予，只能由安装时的引导配置创建",
                    "an agency cannot grant the platform administrator role; only the bootstrap configuration"
                            + " creates a platform administrator");
        }
    }
}
