package cn.gongkai.ledger.disputes;

import cn.gongkai.ledger.statistics.DisputeGroup;

/** Which remedy the applicant sought; each kind is one group of part 四, of the same name. */
public enum DisputeKind {
    RECONSIDERATION("行政复议"),
    LITIGATION_DIRECT("行政诉讼·未经复议直接起诉"),
    LITIGATION_AFTER_RECONSIDERATION("行政诉讼·复议后起诉");

    private final String label;

    DisputeKind(String label) {
        this.label = label;
    }

    /** The kind's Chinese name, as shown to users. */
    public String label() {
        return label;
    }

    /** The part 四 group this kind counts in. */
    public DisputeGroup group() {
        return DisputeGroup.valueOf(name());
    }

    public static DisputeKind of(DisputeGroup group) {
        return valueOf(group.name());
    }
}
