package cn.gongkai.ledger.requests;

/**
 * Who applied (申请人情况): the six columns of part 三 of the annual report. An application is
 * classified once, when received, by its first-named applicant.
 */
public enum ApplicantCategory {
    NATURAL_PERSON("自然人", null),
    COMMERCIAL_ENTERPRISE("商业企业", "法人或其他组织"),
    RESEARCH_INSTITUTION("科研机构", "法人或其他组织"),
    SOCIAL_WELFARE_ORGANIZATION("社会公益组织", "法人或其他组织"),
    LEGAL_SERVICE_INSTITUTION("法律服务机构", "法人或其他组织"),
    OTHER_ORGANIZATION("其他", "法人或其他组织");

    private final String label;
    private final String group;

    ApplicantCategory(String label, String group) {
        this.label = label;
        this.group = group;
    }

    /** The official Chinese column label, character for character. */
    public String label() {
        return label;
    }

    /** The header spanning this column in the official table, or null. */
    public String group() {
        return group;
    }
}
