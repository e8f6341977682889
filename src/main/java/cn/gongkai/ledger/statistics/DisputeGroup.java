package cn.gongkai.ledger.statistics;

/** The three groups of part 四 (政府信息公开行政复议、行政诉讼情况). */
public enum DisputeGroup {
    RECONSIDERATION("行政复议", null),
    LITIGATION_DIRECT("未经复议直接起诉", "行政诉讼"),
    LITIGATION_AFTER_RECONSIDERATION("复议后起诉", "行政诉讼");

    private final String label;
    private final String heading;

    DisputeGroup(String label, String heading) {
        this.label = label;
        this.heading = heading;
    }

    /** The group's own label in the official table. */
    public String label() {
        return label;
    }

    /** The heading spanning this group (行政诉讼), or null. */
    public String heading() {
        return heading;
    }
}
