package cn.gongkai.ledger.requests;

/** How a 信息处理费 is computed (国办函〔2020〕109号): one method per application, never both. */
public enum FeeMethod {
    /** 按件: by the applicant's count of applications in the natural month. */
    PER_APPLICATION("按件计收"),
    /** 按量: by the number of pages of one application. */
    PER_PAGE("按量计收"),
    /** An amount entered by hand, with a reason. */
    ENTERED("人工核定");

    private final String label;

    FeeMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
