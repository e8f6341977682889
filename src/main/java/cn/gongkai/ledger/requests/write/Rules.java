package cn.gongkai.ledger.requests.write;

import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import java.time.LocalDate;
import java.time.Period;

/** The named rules of an application's life, each with the message a case handler reads. */
public final class Rules {

    private Rules() {
    }

    static RuleViolation alreadyConcluded(LocalDate concludedOn) {
        return new RuleViolation("ConcludedOnlyOnce",
                "该申请已于 " + concludedOn + " 办结，不能再次办理或办结",
                "the application was concluded on " + concludedOn + " and cannot be handled or concluded again");
    }

    static RuleViolation wrongStatus(RequestStatus status, String actionZh, String actionEn) {
        return new RuleViolation("ActionNotAllowedInStatus",
                "申请当前状态为“" + status.label() + "”，不能" + actionZh,
                "the application is " + status.name() + ": cannot " + actionEn);
    }

    static RuleViolation correctionOnlyOnce() {
        return new RuleViolation("CorrectionRequestedOnlyOnce",
                "补正只能告知一次（条例第三十条）", "a correction may be requested only once (Art. 30)");
    }

    static RuleViolation extensionOnlyOnce() {
        return new RuleViolation("ExtensionOnlyOnce",
                "答复期限只能延长一次（条例第三十三条）", "the answer period may be extended only once (Art. 33)");
    }

    static RuleViolation extensionTooLong(int workingDays) {
        return new RuleViolation("ExtensionAtMost20WorkingDays", "workingDays",
                "延长期限最长不得超过20个工作日，且至少1个工作日（申请为 " + workingDays + "）",
                "an extension is 1 to 20 working days (asked: " + workingDays + ")");
    }

    static RuleViolation reviewerRequired(String actionZh, String actionEn) {
        return new RuleViolation("ReviewerApproves",
                actionZh + "须由审核人或负责人批准", actionEn + " needs a reviewer or the office head");
    }

    static RuleViolation reviewerIsDrafter() {
        return new RuleViolation("ReviewerIsNotDrafter",
                "编审分离：答复的起草人不能审核自己起草的答复",
                "the person who drafted the answer cannot approve or return it");
    }

    static RuleViolation correctorIsDrafterOrApprover(String actionZh, String actionEn, String roleZh, String roleEn) {
        return new RuleViolation("CorrectorIsNeitherDrafterNorApprover",
                "编审分离：答复的" + roleZh + "不能" + actionZh + "，须由其他审核人或负责人办理",
                "the person who " + roleEn + " the answer cannot be the one " + actionEn
                        + "; another reviewer or the office head must do it");
    }

    static RuleViolation noPendingDraft() {
        return new RuleViolation("DraftPendingReview",
                "没有待审核的答复草稿", "there is no draft answer awaiting review");
    }

    /** {@code field} is the body field that carries the outcome: {@code outcome} in a draft, {@code correctedOutcome} in a correction. */
    static RuleViolation notAnAnswerOutcome(String field, Outcome outcome) {
        return new RuleViolation("AnswerOutcome", field,
                "“" + outcome.label() + "”只能通过逾期终止办理，不能作为答复结果",
                outcome + " is reached by the applicant's default, not by an answer");
    }

    static RuleViolation correctionNotOverdue(LocalDate dueOn) {
        return new RuleViolation("LapseOnlyAfterCorrectionDeadline", "concludedOn",
                "补正期限（" + dueOn + "）尚未届满，不能按逾期不补正处理",
                "the correction deadline (" + dueOn + ") has not passed");
    }

    static RuleViolation feeNotOverdue(LocalDate payableBy) {
        return new RuleViolation("LapseOnlyAfterPaymentDeadline", "concludedOn",
                "缴费期限（" + payableBy + "）尚未届满，不能按逾期未缴费处理",
                "the payment deadline (" + payableBy + ") has not passed");
    }

    static RuleViolation feeNoticeOnlyOnce() {
        return new RuleViolation("FeeNoticeOnlyOnce",
                "每件申请只能发出一次收费通知，且只能采用一种计收方式",
                "one fee notice per application, by one method only");
    }

    static RuleViolation enteredAmountRequired() {
        return new RuleViolation("EnteredAmountRequired", "amountFen",
                "人工核定收费须填写金额（分）", "an entered fee needs its amount in fen");
    }

    static RuleViolation quantityRequired() {
        return new RuleViolation("FeeQuantityRequired", "quantity",
                "按件计收须填写本月第几件申请，按量计收须填写页数", "the fee needs the application's ordinal or its page count");
    }

    static RuleViolation nothingToCharge() {
        return new RuleViolation("FeeOnlyAboveFreeAllowance", "quantity",
                "按规定不收取费用（在免费范围内），无需发出收费通知",
                "within the free allowance: there is nothing to charge");
    }

    static RuleViolation feeAmountMismatch(long due, long paid) {
        return new RuleViolation("FeePaidInFull", "amountFen",
                "缴费金额 " + paid + " 分与通知金额 " + due + " 分不符",
                "paid " + paid + " fen, but the notice says " + due + " fen");
    }

    static RuleViolation reasonRequired(String actionZh, String actionEn) {
        return new RuleViolation("ReasonRequired", "reason",
                actionZh + "必须说明理由", actionEn + " needs a reason");
    }

    static RuleViolation sameOutcome(Outcome outcome) {
        return new RuleViolation("CorrectionChangesSomething", "correctedOutcome",
                "更正后的办理结果与原结果相同（" + outcome.label() + "）",
                "the corrected outcome equals the recorded one (" + outcome + ")");
    }

    static RuleViolation sameCategory() {
        return new RuleViolation("CorrectionChangesSomething", "correctedCategory",
                "更正后的申请人类别与原类别相同", "the corrected category equals the recorded one");
    }

    static RuleViolation notYetEnded(int year) {
        return new RuleViolation("CarryForwardAfterYearEnd", "fromYear",
                year + "年尚未结束，不能结转", "year " + year + " has not ended yet");
    }

    static RuleViolation notConcluded(String actionZh, String actionEn) {
        return new RuleViolation("ConcludedFirst",
                "申请尚未办结，不能" + actionZh, "the application is still open: cannot " + actionEn);
    }

    static RuleViolation administratorErases() {
        return new RuleViolation("AdministratorErasesPersonalData",
                "删除申请人个人信息须由本机关管理员操作", "only an administrator of the agency may erase personal data");
    }

    static RuleViolation personalDataErasedOnlyOnce(LocalDate erasedOn) {
        return new RuleViolation("PersonalDataErasedOnlyOnce",
                "该申请的申请人个人信息已于 " + erasedOn + " 删除，不能再次删除",
                "the applicant's personal data was already erased on " + erasedOn);
    }

    static RuleViolation retentionNotOver(Period retention, LocalDate concludedOn, LocalDate keptUntil) {
        return new RuleViolation("PersonalDataKeptForTheRetentionPeriod", "erasedOn",
                "申请人个人信息自办结之日（" + concludedOn + "）起保存" + inChinese(retention) + "，" + keptUntil
                        + " 起方可删除",
                "personal data is kept for " + retention + " after the conclusion (" + concludedOn
                        + "): it may be erased from " + keptUntil);
    }

    public static RuleViolation answerLetterWithTheAnswer() {
        return new RuleViolation("AnswerLetterWithTheAnswer", "noticeKind",
                "答复书与答复一并出具：该申请尚无审核通过的答复",
                "the answer letter goes out with the answer: this application has no approved answer");
    }

    public static RuleViolation answerLetterMatchesApprovedDraft(Outcome approved, Outcome asked) {
        return new RuleViolation("AnswerLetterMatchesApprovedDraft", "outcome",
                "答复书的办理结果须与审核通过的答复一致：审核通过的是“" + approved.label() + "”，答复书为“"
                        + asked.label() + "”",
                "the answer letter must state the approved draft's outcome " + approved + ", not " + asked);
    }

    static RuleViolation answerLetterOnlyOnce(String documentNumber) {
        return new RuleViolation("AnswerLetterOnlyOnce", "noticeKind",
                "该申请的答复书已出具（" + documentNumber + "），不能再次出具",
                "the answer letter was already issued (" + documentNumber + ")");
    }

    static RuleViolation noticeNeedsItsStep(String noticeZh, String stepZh, String noticeEn, String stepEn) {
        return new RuleViolation("NoticeFollowsItsStep", "noticeKind",
                "尚未" + stepZh + "，不能出具" + noticeZh, "no " + stepEn + " was recorded: no " + noticeEn);
    }

    static RuleViolation unknownNotice() {
        return new RuleViolation("NoticeIssuedBeforeDelivery", "noticeId",
                "该申请没有这份告知书", "this application has no such notice");
    }

    static RuleViolation noticeDeliveredOnlyOnce(LocalDate deliveredOn) {
        return new RuleViolation("NoticeDeliveredOnlyOnce", "noticeId",
                "该文书已于 " + deliveredOn + " 送达，不能再次登记送达",
                "the notice was already delivered on " + deliveredOn);
    }

    static RuleViolation trackingNumberForPost() {
        return new RuleViolation("TrackingNumberForPost", "trackingNumber",
                "邮寄送达须填写邮件号", "a delivery by post needs the postal tracking number");
    }

    private static String inChinese(Period period) {
        StringBuilder text = new StringBuilder();
        if (period.getYears() != 0) {
            text.append(period.getYears()).append("年");
        }
        if (period.getMonths() != 0) {
            text.append(period.getMonths()).append("个月");
        }
        if (period.getDays() != 0 || text.isEmpty()) {
            text.append(period.getDays()).append("天");
        }
        return text.toString();
    }
}
