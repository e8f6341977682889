package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.Outcome;

/**
 * The legal basis an answer letter quotes for each outcome row of part 三 (中华人民共和国政府信息公开条例,
 * 2019 revision, "条例"; 国办函〔2020〕109号 for fees). Kept apart from the editable texts so that the
 * basis printed is always the outcome's, whatever an agency wrote around it: the issue's complaint is
 * answers whose basis did not match the outcome counted.
 */
public final class LegalBasis {

    /** The statute's full name as it is quoted in letters. */
    public static final String STATUTE = "《中华人民共和国政府信息公开条例》";

    private LegalBasis() {
    }

    /** The article(s), e.g. 《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项. */
    public static String of(Outcome outcome) {
        return switch (outcome) {
            case DISCLOSED -> STATUTE + "第三十六条第（二）项";
            case PARTIALLY_DISCLOSED -> STATUTE + "第三十七条";
            case WITHHELD_STATE_SECRET, WITHHELD_PROHIBITED_BY_LAW, WITHHELD_ENDANGERS_SAFETY_STABILITY ->
                    STATUTE + "第十四条、第三十六条第（三）项";
            case WITHHELD_THIRD_PARTY_RIGHTS -> STATUTE + "第十五条、第三十六条第（三）项";
            case WITHHELD_INTERNAL_AFFAIRS -> STATUTE + "第十六条第一款、第三十六条第（三）项";
            case WITHHELD_PROCESS_INFORMATION, WITHHELD_ENFORCEMENT_CASE_FILE ->
                    STATUTE + "第十六条第二款、第三十六条第（三）项";
            case WITHHELD_ADMINISTRATIVE_INQUIRY -> STATUTE + "第三十六条第（七）项";
            case UNAVAILABLE_NOT_HELD -> STATUTE + "第三十六条第（四）项";
            case UNAVAILABLE_REQUIRES_COMPILATION -> STATUTE + "第三十八条";
            case UNAVAILABLE_UNCLEAR_AFTER_CORRECTION -> STATUTE + "第二十九条第二款、第三十条";
            case NOT_PROCESSED_PETITION_OR_COMPLAINT -> STATUTE + "第三十九条第一款";
            case NOT_PROCESSED_DUPLICATE -> STATUTE + "第三十六条第（六）项";
            case NOT_PROCESSED_PUBLICATION -> STATUTE + "第三十九条第二款";
            case NOT_PROCESSED_EXCESSIVE -> STATUTE + "第三十五条";
            // the statute has no article for this row; 第二条 defines what an application may ask for
            case NOT_PROCESSED_CONFIRMATION_OR_REISSUE -> STATUTE + "第二条";
            case OTHER_CORRECTION_NOT_SUBMITTED -> STATUTE + "第三十条";
            case OTHER_FEE_NOT_PAID -> "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";
            case OTHER_OTHER -> STATUTE + "第三十六条";
        };
    }

    /** The remedies that end every answer letter (行政复议法 第二十条: 60 days; 行政诉讼法 第四十六条: 6 months). */
    public static String remedies(String reconsiderationAuthority, String court) {
        return "如对本答复不服，可以自收到本答复书之日起60日内向" + reconsiderationAuthority
                + "申请行政复议，或者自收到本答复书之日起6个月内向" + court + "提起行政诉讼。";
    }
}
