package cn.gongkai.ledger.requests;

/** The form in which the applicant asked to receive the information (获取信息的方式). */
public enum DeliveryForm {
    PAPER_BY_POST("纸质文本·邮寄"),
    PAPER_COLLECTED("纸质文本·自行领取"),
    ELECTRONIC_BY_EMAIL("电子数据·电子邮件"),
    ELECTRONIC_ON_MEDIUM("电子数据·光盘或其他介质"),
    BY_FAX("传真"),
    READ_ON_SITE("当场阅读、抄录");

    private final String label;

    DeliveryForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
