package cn.gongkai.ledger.access.internal;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Lets a fresh production installation, which has no demo users, be logged into: while
 * {@code staff_user} is empty and {@link BootstrapProperties} are set, creates the administrator
 * {@code admin}, who then creates everyone else. Once any user exists it does nothing, so the
 * password in the environment cannot be used to take over a running installation.
 */
@Component
@EnableConfigurationProperties(BootstrapProperties.class)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final StaffUsers users;
    private final BootstrapProperties bootstrap;

    AdminBootstrap(StaffUsers users, BootstrapProperties bootstrap) {
        this.users = users;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrapAgencyAdmin();
        bootstrapPlatformAdmin();
    }

    private void bootstrapAgencyAdmin() {
        if (!users.none()) {
            return;
        }
        if (!bootstrap.complete()) {
            log.warn("there are no staff users, so nobody can log in; set GONGKAI_BOOTSTRAP_ADMIN_PASSWORD,"
                    + " GONGKAI_BOOTSTRAP_AGENCY_ID and GONGKAI_BOOTSTRAP_AGENCY_NAME to create the administrator 'admin'");
            return;
        }
        String password = strong("GONGKAI_BOOTSTRAP_ADMIN_PASSWORD", bootstrap.adminPassword());
        users.bootstrapAdmin(bootstrap.agencyId(), bootstrap.agencyName(), password);
        log.info("created the administrator 'admin' of agency {}; unset GONGKAI_BOOTSTRAP_ADMIN_PASSWORD now",
                bootstrap.agencyId());
    }

    /**
     * The platform administrator, who sets up agencies (issue 10, item 7), while there is none: also on
     * an installation that already has users, which is how one that predates the role gets its first.
     */
    private void bootstrapPlatformAdmin() {
        if (!bootstrap.platformAdminWanted() || users.anyPlatformAdmin()) {
            return;
        }
        String password = strong("GONGKAI_BOOTSTRAP_PLATFORM_ADMIN_PASSWORD", bootstrap.platformAdminPassword());
        users.bootstrapPlatformAdmin(password);
        log.info("created the platform administrator '{}'; unset GONGKAI_BOOTSTRAP_PLATFORM_ADMIN_PASSWORD now",
                StaffUsers.PLATFORM_ADMIN);
    }

    private static String strong(String variable, String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < 12 || bytes > 72) {
            throw new IllegalStateException(variable + " must have at least 12 characters and at most 72 bytes");
        }
        return password;
    }
}
