package cn.gongkai.ledger.requests;

/**
 * The written notices an office sends while handling an application (依申请公开的书面告知), each named as
 * offices name the document.
 */
public enum NoticeKind {
    /** 登记回执: the application was received and registered, with its registration number and answer period. */
    ACKNOWLEDGEMENT("登记回执", "政府信息公开申请登记回执"),
    /** 补正申请告知书: what to correct and by when (条例第三十条). */
    CORRECTION_NOTICE("补正申请告知书", "政府信息公开补正申请告知书"),
    /** 延期答复告知书: the answer period is extended (条例第三十三条). */
    EXTENSION_NOTICE("延期答复告知书", "政府信息公开延期答复告知书"),
    /** 征求意见函: to the third party or other agency consulted (条例第三十二条). */
    CONSULTATION_LETTER("征求意见函", "政府信息公开征求第三方意见函"),
    /** 收费通知书: the information processing fee to pay (国办函〔2020〕109号). */
    FEE_NOTICE("收费通知书", "政府信息公开信息处理费收费通知书"),
    /** 政府信息公开申请答复书: the answer, whose text and legal basis follow the outcome. */
    ANSWER("答复书", "政府信息公开申请答复书");

    private final String label;
    private final String title;

    NoticeKind(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** The short name used in lists, e.g. 延期答复告知书. */
    public String label() {
        return label;
    }

    /** The document's title as printed under the agency's name. */
    public String title() {
        return title;
    }
}
