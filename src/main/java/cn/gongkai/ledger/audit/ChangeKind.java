package cn.gongkai.ledger.audit;

/**
 * What an event changes in the annual tables of the agency-year it counts in. Stored with each
 * audit entry; the after-the-fact view decides from it and the year close which ones came late.
 */
enum ChangeKind {

    /** Counts as received in the year of the receipt date; late when that year was already closed. */
    REGISTRATION("年度关闭后补登记"),
    /** Counts as resolved in the year of the conclusion date; late when that year was already closed. */
    CONCLUSION("年度关闭后补录办结"),
    /** Moves a count between outcome rows of the conclusion year: always after the fact. */
    OUTCOME_CORRECTION("更正办理结果"),
    /** Moves a count between applicant columns from the receipt year on: always after the fact. */
    CATEGORY_CORRECTION("更正申请人类别"),
    /** Carried forward out of a closed year by something other than that year's close. */
    CARRY_FORWARD("年度关闭后补充结转"),
    /** The year close itself: the mark against which the others are late. */
    YEAR_CLOSE("关闭年度");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** How the change is named to an auditor when it comes after the fact. */
    String label() {
        return label;
    }
}
