package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.access.GivesReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close {@code year} for the agency; a year already closed stays as it is. {@code reason} is the
 * head's words, or {@link #yearEnded} when they give none and for the automatic close: a year close
 * always says why in the audit trail.
 */
record CloseYear(String agencyId, int year, String reason) implements GivesReason {

    @TargetAggregateIdentifier
    String reportingYearId() {
        return ReportingYear.id(agencyId, year);
    }

    /** The standing reason of every year close: the year is over. */
    static String yearEnded(int year) {
        return year + "年度已结束";
    }
}
