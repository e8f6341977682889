package cn.gongkai.ledger.requests;

/**
 * How an application reached the agency. The channel decides which day is the legal receipt date
 * (条例 第三十一条); the case handler records that date, this type documents the rule.
 */
public enum Channel {
    /** 当面提交: the day it was handed in. */
    IN_PERSON("当面提交", "当面提交政府信息公开申请的，以提交之日为收到申请之日"),
    /** 邮寄: the day the agency signed for it. */
    POST("邮寄", "以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日"),
    /** 平常信函: the day the agency confirmed receipt with the applicant. */
    ORDINARY_LETTER("平常信函", "以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日"),
    /** 互联网渠道: the day both sides confirmed receipt. */
    INTERNET("互联网渠道", "通过互联网渠道提交政府信息公开申请的，以双方确认之日为收到申请之日"),
    /** 传真: the day both sides confirmed receipt. */
    FAX("传真", "通过政府信息公开工作机构的传真提交政府信息公开申请的，以双方确认之日为收到申请之日");

    private final String label;
    private final String receiptDateRule;

    Channel(String label, String receiptDateRule) {
        this.label = label;
        this.receiptDateRule = receiptDateRule;
    }

    /** The rule of 条例 第三十一条 that makes a day of this channel the legal receipt date, in Chinese. */
    public String receiptDateRule() {
        return receiptDateRule;
    }

    public String label() {
        return label;
    }
}
