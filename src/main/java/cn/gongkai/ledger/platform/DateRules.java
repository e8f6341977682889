package cn.gongkai.ledger.platform;

import java.time.LocalDate;

/** The date rules every aggregate shares: nothing dated in the future, steps in the order they happened. */
public final class DateRules {

    private DateRules() {
    }

    public static RuleViolation dateInFuture(String field, LocalDate date, LocalDate today) {
        return new RuleViolation("NoDateInTheFuture", field,
                "日期 " + date + " 晚于今天（" + today + "），不能登记将来的日期",
                "date " + date + " is after today (" + today + ")");
    }

    public static RuleViolation dateBefore(String field, LocalDate date, String whatZh, String whatEn,
                                           LocalDate earliest) {
        return new RuleViolation("DatesInOrder", field,
                "日期 " + date + " 早于" + whatZh + "（" + earliest + "）",
                "date " + date + " is before the " + whatEn + " (" + earliest + ")");
    }
}
