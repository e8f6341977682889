package cn.gongkai.ledger.disputes;

import cn.gongkai.ledger.statistics.DisputeColumn;

/** How the reconsideration body or the court decided; each result is one column of part 四, of the same name. */
public enum DisputeResult {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果");

    private final String label;

    DisputeResult(String label) {
        this.label = label;
    }

    /** The result's Chinese name, as in the official table. */
    public String label() {
        return label;
    }

    /** The part 四 column a case decided this way counts in, in the year of its decision. */
    public DisputeColumn column() {
        return DisputeColumn.valueOf(name());
    }
}
