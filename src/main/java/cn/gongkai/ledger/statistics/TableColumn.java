package cn.gongkai.ledger.statistics;

import cn.gongkai.ledger.requests.ApplicantCategory;

/** The columns of part 三 (申请人情况): the six applicant categories and their total (总计). */
public enum TableColumn {
    NATURAL_PERSON(ApplicantCategory.NATURAL_PERSON),
    COMMERCIAL_ENTERPRISE(ApplicantCategory.COMMERCIAL_ENTERPRISE),
    RESEARCH_INSTITUTION(ApplicantCategory.RESEARCH_INSTITUTION),
    SOCIAL_WELFARE_ORGANIZATION(ApplicantCategory.SOCIAL_WELFARE_ORGANIZATION),
    LEGAL_SERVICE_INSTITUTION(ApplicantCategory.LEGAL_SERVICE_INSTITUTION),
    OTHER_ORGANIZATION(ApplicantCategory.OTHER_ORGANIZATION),
    TOTAL(null);

    private final ApplicantCategory category;

    TableColumn(ApplicantCategory category) {
        this.category = category;
    }

    /** The applicant category of this column; null for {@link #TOTAL}. */
    public ApplicantCategory category() {
        return category;
    }

    /** The official Chinese column label. */
    public String label() {
        return category == null ? "总计" : category.label();
    }

    /** The header spanning this column in the official table (法人或其他组织), or null. */
    public String group() {
        return category == null ? null : category.group();
    }

    public static TableColumn of(ApplicantCategory category) {
        return valueOf(category.name());
    }
}
