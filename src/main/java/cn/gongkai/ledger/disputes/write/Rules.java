package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.platform.RuleViolation;
import java.time.LocalDate;

/** The named rules of a dispute's life, each with the message a case handler reads. */
final class Rules {

    private Rules() {
    }

    static RuleViolation applicationNotConcluded() {
        return new RuleViolation("DisputeOnlyAboutAConcludedApplication", "requestId",
                "该申请尚未办结，不能登记针对它的行政复议或行政诉讼",
                "the application is still open: a reconsideration or lawsuit can only be about a concluded application");
    }

    static RuleViolation alreadyDecided(DisputeResult result, LocalDate decidedOn) {
        return new RuleViolation("DecidedOnlyOnce",
                "该案件已于 " + decidedOn + " 审结（" + result.label() + "），不能再次登记结果",
                "the case was decided on " + decidedOn + " (" + result + ") and cannot be decided again");
    }

    static RuleViolation withdrawn() {
        return new RuleViolation("DisputeWithdrawn",
                "该案件已撤销登记，不能再登记结果、更正或撤销",
                "the case was withdrawn as recorded in error; it cannot be decided, corrected or withdrawn again");
    }

    static RuleViolation correctionNeedsReviewer(String actionZh, String actionEn) {
        return new RuleViolation("CorrectionNeedsReviewer",
                actionZh + "复议诉讼案件须由审核人或负责人办理",
                "only a reviewer or the office head may " + actionEn + " a case");
    }

    static RuleViolation correctorIsNotTheRecorder(String actionZh, String actionEn) {
        return new RuleViolation("CorrectorIsNotTheRecorder",
                "登记该案件或其审结结果的人员不能" + actionZh + "自己登记的内容，须由其他审核人或负责人办理",
                "the person who recorded the case or its decision cannot " + actionEn
                        + " it; another reviewer or the office head must do it");
    }

    static RuleViolation reasonRequired(String actionZh, String actionEn) {
        return new RuleViolation("ReasonRequired", "reason",
                actionZh + "须说明理由", actionEn + " needs a reason");
    }

    static RuleViolation resultAndDateTogether(String missing) {
        return new RuleViolation("DecisionHasResultAndDate", missing,
                "审结结果与审结日期须同时填写（均不填写表示尚未审结）",
                "the result and the decision date go together (leave both empty for a pending case)");
    }

    static RuleViolation correctionChangesNothing() {
        return new RuleViolation("CorrectionChangesSomething",
                "更正内容与现有登记相同，没有需要更正之处",
                "the correction is the same as what is recorded; nothing to correct");
    }
}
