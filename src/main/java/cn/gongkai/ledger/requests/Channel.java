package cn.gongkai.ledger.requests;

/**
 * How an application reached the agency. The channel decides which day is the legal receipt date
 * (条例 第三十一条); the case handler records that date, this type documents the rule.
 */
public enum Channel {
    /** 当面提交: the day it was handed in. */
    IN_PERSON("当面提交"),
    /** 邮寄: the day the agency signed for it. */
    POST("邮寄"),
    /** 平常信函: the day the agency confirmed receipt with the applicant. */
    ORDINARY_LETTER("平常信函"),
    /** 互联网渠道: the day both sides confirmed receipt. */
    INTERNET("互联网渠道"),
    /** 传真: the day both sides confirmed receipt. */
    FAX("传真");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
