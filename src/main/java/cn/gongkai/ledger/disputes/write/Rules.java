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
}
