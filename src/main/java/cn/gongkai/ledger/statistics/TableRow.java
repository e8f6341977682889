package cn.gongkai.ledger.statistics;

import cn.gongkai.ledger.requests.Outcome;

/**
 * The rows of part 三 that carry numbers, in the official order: received, carried over, the
 * outcome rows of 三、本年度办理结果, their total, and carried forward. The group rows ((三) 不予公开 …)
 * carry no numbers of their own; {@link #group()} names them.
 */
public enum TableRow {
    RECEIVED(null, "一、本年新收政府信息公开申请数量"),
    CARRIED_OVER(null, "二、上年结转政府信息公开申请数量"),
    DISCLOSED(Outcome.DISCLOSED),
    PARTIALLY_DISCLOSED(Outcome.PARTIALLY_DISCLOSED),
    WITHHELD_STATE_SECRET(Outcome.WITHHELD_STATE_SECRET),
    WITHHELD_PROHIBITED_BY_LAW(Outcome.WITHHELD_PROHIBITED_BY_LAW),
    WITHHELD_ENDANGERS_SAFETY_STABILITY(Outcome.WITHHELD_ENDANGERS_SAFETY_STABILITY),
    WITHHELD_THIRD_PARTY_RIGHTS(Outcome.WITHHELD_THIRD_PARTY_RIGHTS),
    WITHHELD_INTERNAL_AFFAIRS(Outcome.WITHHELD_INTERNAL_AFFAIRS),
    WITHHELD_PROCESS_INFORMATION(Outcome.WITHHELD_PROCESS_INFORMATION),
    WITHHELD_ENFORCEMENT_CASE_FILE(Outcome.WITHHELD_ENFORCEMENT_CASE_FILE),
    WITHHELD_ADMINISTRATIVE_INQUIRY(Outcome.WITHHELD_ADMINISTRATIVE_INQUIRY),
    UNAVAILABLE_NOT_HELD(Outcome.UNAVAILABLE_NOT_HELD),
    UNAVAILABLE_REQUIRES_COMPILATION(Outcome.UNAVAILABLE_REQUIRES_COMPILATION),
    UNAVAILABLE_UNCLEAR_AFTER_CORRECTION(Outcome.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION),
    NOT_PROCESSED_PETITION_OR_COMPLAINT(Outcome.NOT_PROCESSED_PETITION_OR_COMPLAINT),
    NOT_PROCESSED_DUPLICATE(Outcome.NOT_PROCESSED_DUPLICATE),
    NOT_PROCESSED_PUBLICATION(Outcome.NOT_PROCESSED_PUBLICATION),
    NOT_PROCESSED_EXCESSIVE(Outcome.NOT_PROCESSED_EXCESSIVE),
    NOT_PROCESSED_CONFIRMATION_OR_REISSUE(Outcome.NOT_PROCESSED_CONFIRMATION_OR_REISSUE),
    OTHER_CORRECTION_NOT_SUBMITTED(Outcome.OTHER_CORRECTION_NOT_SUBMITTED),
    OTHER_FEE_NOT_PAID(Outcome.OTHER_FEE_NOT_PAID),
    OTHER_OTHER(Outcome.OTHER_OTHER),
    RESOLVED_TOTAL(null, "(七) 总计"),
    CARRIED_FORWARD(null, "四、结转下年度继续办理");

    /** The heading over the outcome rows. */
    public static final String RESULTS_HEADING = "三、本年度办理结果";

    private final Outcome outcome;
    private final String label;

    TableRow(Outcome outcome) {
        this.outcome = outcome;
        this.label = outcome.label();
    }

    TableRow(Outcome outcome, String label) {
        this.outcome = outcome;
        this.label = label;
    }

    /** The outcome counted in this row; null for the rows that are not outcomes. */
    public Outcome outcome() {
        return outcome;
    }

    public boolean isOutcome() {
        return outcome != null;
    }

    /** Whether the row sits under 三、本年度办理结果 (the outcomes and their total). */
    public boolean isResult() {
        return outcome != null || this == RESOLVED_TOTAL;
    }

    /** The official Chinese row label, character for character. */
    public String label() {
        return label;
    }

    /** The group row this row sits under ((三) 不予公开 …), or null. */
    public String group() {
        return outcome == null ? null : outcome.group();
    }

    public static TableRow of(Outcome outcome) {
        return valueOf(outcome.name());
    }
}
