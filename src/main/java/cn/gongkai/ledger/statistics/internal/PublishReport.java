package cn.gongkai.ledger.statistics.internal;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the year's report with these tables (as computed when the head publishes). */
record PublishReport(String agencyId, int year, Map<String, Map<String, Long>> part3,
                     Map<String, Map<String, Long>> part4) {

    @TargetAggregateIdentifier
    String reportingYearId() {
        return ReportingYear.id(agencyId, year);
    }
}
