package cn.gongkai.ledger.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a fresh production installation ({@code gongkai.bootstrap.*}, or the
 * environment variables {@code GONGKAI_BOOTSTRAP_ADMIN_PASSWORD}, {@code GONGKAI_BOOTSTRAP_AGENCY_ID},
 * {@code GONGKAI_BOOTSTRAP_AGENCY_NAME}). Used only while there is no staff user at all. And the first
 * platform administrator ({@code GONGKAI_BOOTSTRAP_PLATFORM_ADMIN_PASSWORD}), used only while there is
 * no platform administrator.
 *
 * @param adminPassword         the password of the user {@code admin}, at least 12 characters
 * @param agencyId              the id of the agency the administrator belongs to, created if missing
 * @param agencyName            that agency's official name
 * @param platformAdminPassword the password of the platform administrator {@code platform-admin}, at
 *                              least 12 characters; null or blank: none is created
 */
@ConfigurationProperties("gongkai.bootstrap")
public record BootstrapProperties(String adminPassword, String agencyId, String agencyName,
                                  String platformAdminPassword) {

    boolean complete() {
        return present(adminPassword) && present(agencyId) && present(agencyName);
    }

    boolean platformAdminWanted() {
        return present(platformAdminPassword);
    }

    @Override
    public String toString() {
        return "BootstrapProperties[agencyId=" + agencyId + ", agencyName=" + agencyName + "]";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
