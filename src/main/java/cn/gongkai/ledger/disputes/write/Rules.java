package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.platform.RuleViolation;
import java.time.LocalDate;

/** The named rules of a dispute's life, each with the message a case handler reads. */
final class Rules {

    private Rules() {
    }

    static RuleViolation dateInFuture(String field, LocalDate date, LocalDate today) {
        return new RuleViolation("NoDateInTheFuture", field,
                "日期 " + date + " 晚于今天（" + today + "），不能登记将来的日期",
                "date " + date + " is after today (" + today + ")");
    }

    static RuleViolation dateBefore(String field, LocalDate date, String whatZh, String whatEn, LocalDate earliest) {
        return new RuleViolation("DatesInOrder", field,
                "日期 " + date + " 早于" + whatZh + "（" + earliest + "）",
                "date " + date + " is before the " + whatEn + " (" + earliest + ")");
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
}
