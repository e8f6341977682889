package cn.gongkai.ledger.statistics;

/** The five columns of each part 四 group. */
public enum DisputeColumn {
    UPHELD("结果维持"),
    CORRECTED("结果纠正"),
    OTHER("其他结果"),
    PENDING("尚未审结"),
    TOTAL("总计");

    private final String label;

    DisputeColumn(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
