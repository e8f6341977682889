package cn.gongkai.ledger.requests;

/** Whom the agency consults before answering (条例 第三十二条, 第三十三条). */
public enum ConsultedParty {
    THIRD_PARTY("第三方"),
    OTHER_AGENCY("其他机关");

    private final String label;

    ConsultedParty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
