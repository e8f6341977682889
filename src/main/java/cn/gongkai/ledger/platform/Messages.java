package cn.gongkai.ledger.platform;

/** Validation messages, in Chinese and English, for use in constraint annotations. */
public final class Messages {

    public static final String REQUIRED = "必填 / required";
    public static final String NOT_BLANK = "不能为空 / must not be blank";
    public static final String TOO_LONG = "内容过长 / too long";
    public static final String POSITIVE = "必须为正数 / must be positive";
    public static final String NOT_NEGATIVE = "不能为负数 / must not be negative";

    private Messages() {
    }
}
