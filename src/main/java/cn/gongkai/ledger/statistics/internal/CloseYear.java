package cn.gongkai.ledger.statistics.internal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close {@code year} for the agency; a year already closed stays as it is. */
record CloseYear(String agencyId, int year) {

    @TargetAggregateIdentifier
    String reportingYearId() {
        return ReportingYear.id(agencyId, year);
    }
}
