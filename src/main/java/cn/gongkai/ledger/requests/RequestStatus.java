package cn.gongkai.ledger.requests;

/** Where an application stands. Every status but {@link #CONCLUDED} and {@link #ARCHIVED} is open. */
public enum RequestStatus {
    IN_PROGRESS("办理中"),
    AWAITING_CORRECTION("待补正"),
    IN_CONSULTATION("征求意见中"),
    AWAITING_FEE("待缴费"),
    ANSWER_DRAFTED("待审核"),
    ANSWER_APPROVED("待答复"),
    CONCLUDED("已办结"),
    ARCHIVED("已归档");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return this != CONCLUDED && this != ARCHIVED;
    }
}
