package cn.gongkai.ledger.requests;

/** How a notice reached its addressee (送达方式); the delivery date is the day periods run from. */
public enum DeliveryMethod {
    /** 邮寄: the day the addressee signed for it; a postal tracking number is required. */
    POST("邮寄"),
    /** 当面: handed over in person. */
    IN_PERSON("当面"),
    /** 电子邮件. */
    EMAIL("电子邮件"),
    /** 网上: through the online application platform. */
    ONLINE("网上");

    private final String label;

    DeliveryMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
