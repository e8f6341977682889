package cn.gongkai.ledger.requests;

/**
 * How an application was concluded: the 24 outcome rows of part 三 of the annual report
 * (国办公开办函〔2021〕30号). Every concluded application has exactly one.
 */
public enum Outcome {
    DISCLOSED(null, "(一) 予以公开"),
    PARTIALLY_DISCLOSED(null, "(二) 部分公开(区分处理的,只计这一情形,不计其他情形)"),
    WITHHELD_STATE_SECRET("(三) 不予公开", "1.属于国家秘密"),
    WITHHELD_PROHIBITED_BY_LAW("(三) 不予公开", "2.其他法律行政法规禁止公开"),
    WITHHELD_ENDANGERS_SAFETY_STABILITY("(三) 不予公开", "3.危及“三安全一稳定”"),
    WITHHELD_THIRD_PARTY_RIGHTS("(三) 不予公开", "4.保护第三方合法权益"),
    WITHHELD_INTERNAL_AFFAIRS("(三) 不予公开", "5.属于三类内部事务信息"),
    WITHHELD_PROCESS_INFORMATION("(三) 不予公开", "6.属于四类过程性信息"),
    WITHHELD_ENFORCEMENT_CASE_FILE("(三) 不予公开", "7.属于行政执法案卷"),
    WITHHELD_ADMINISTRATIVE_INQUIRY("(三) 不予公开", "8.属于行政查询事项"),
    UNAVAILABLE_NOT_HELD("(四) 无法提供", "1.本机关不掌握相关政府信息"),
    UNAVAILABLE_REQUIRES_COMPILATION("(四) 无法提供", "2.没有现成信息需要另行制作"),
    UNAVAILABLE_UNCLEAR_AFTER_CORRECTION("(四) 无法提供", "3.补正后申请内容仍不明确"),
    NOT_PROCESSED_PETITION_OR_COMPLAINT("(五) 不予处理", "1.信访举报投诉类申请"),
    NOT_PROCESSED_DUPLICATE("(五) 不予处理", "2.重复申请"),
    NOT_PROCESSED_PUBLICATION("(五) 不予处理", "3.要求提供公开出版物"),
    NOT_PROCESSED_EXCESSIVE("(五) 不予处理", "4.无正当理由大量反复申请"),
    NOT_PROCESSED_CONFIRMATION_OR_REISSUE("(五) 不予处理", "5.要求行政机关确认或重新出具已获取信息"),
    OTHER_CORRECTION_NOT_SUBMITTED("(六) 其他处理",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    OTHER_FEE_NOT_PAID("(六) 其他处理",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    OTHER_OTHER("(六) 其他处理", "3.其他");

    private final String group;
    private final String label;

    Outcome(String group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The group row this outcome sits under in the official table, or null for (一) and (二). */
    public String group() {
        return group;
    }

    /** The official Chinese row label, character for character. */
    public String label() {
        return label;
    }

    /**
     * Whether an answer on the merits may carry this outcome. The two lapses are reached only by
     * the applicant's default (no correction, no fee), never by a drafted answer.
     */
    public boolean isAnswerOutcome() {
        return this != OTHER_CORRECTION_NOT_SUBMITTED && this != OTHER_FEE_NOT_PAID;
    }
}
