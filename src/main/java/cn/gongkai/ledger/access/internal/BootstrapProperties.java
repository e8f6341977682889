package cn.gongkai.ledger.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a fresh production installation ({@code gongkai.bootstrap.*}, or the
 * environment variables {@code GONGKAI_BOOTSTRAP_ADMIN_PASSWORD}, {@code GONGKAI_BOOTSTRAP_AGENCY_ID},
 * {@code GONGKAI_BOOTSTRAP_AGENCY_NAME}). Used only while there is no staff user at all.
 *
 * @param adminPassword the password of the user {@code admin}, at least 12 characters
 * @param agencyId      the id of the agency the administrator belongs to, created if missing
 * @param agencyName    that agency's official name
 */
@ConfigurationProperties("gongkai.bootstrap")
public record BootstrapProperties(String adminPassword, String agencyId, String agencyName) {

    boolean complete() {
        return present(adminPassword) && present(agencyId) && present(agencyName);
    }

    @Override
    public String toString() {
        return "BootstrapProperties[agencyId=" + agencyId + ", agencyName=" + agencyName + "]";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
