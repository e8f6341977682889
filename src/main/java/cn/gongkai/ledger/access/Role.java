package cn.gongkai.ledger.access;

/**
 * What a staff user may do. A user may hold several roles; Spring Security sees each as the
 * authority {@code ROLE_<name>}, so endpoints check {@code hasRole('REVIEWER')}.
 */
public enum Role {

    /** Registers and handles applications, drafts answers. */
    HANDLER("经办人"),
    /** Approves answers and extensions (编审分离: never the drafter's own). */
    REVIEWER("审核人"),
    /** Head of the disclosure office: closes the year, may also approve. */
    HEAD("负责人"),
    /** Reads everything of the agency, changes nothing. */
    AUDITOR("审计人员"),
    /** Maintains the calendar and the agency's users. */
    ADMIN("管理员"),
    /**
     * Sets up agencies, their place in the tree behind roll-ups and each one's first ADMIN; belongs to
     * the platform's operators, not to an agency, and reads no agency's applications. Never granted by
     * an agency's ADMIN: only the bootstrap configuration creates one.
     */
    PLATFORM_ADMIN("平台管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's Chinese name, as shown to users. */
    public String label() {
        return label;
    }

    /** The Spring Security authority for this role, e.g. {@code ROLE_HANDLER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
