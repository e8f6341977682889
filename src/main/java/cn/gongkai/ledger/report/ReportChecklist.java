package cn.gongkai.ledger.report;

import cn.gongkai.ledger.statistics.YearEndChecklist;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The year-end checklist beside the year close: the report's publication gate as it stands, without the one
 * finding that only says the year is not closed yet (that is what the close is about to do).
 */
@Component
class ReportChecklist implements YearEndChecklist {

    private static final String NOT_CLOSED = "YearClosedBeforePublication";

    private final AnnualReports reports;

    ReportChecklist(AnnualReports reports) {
        this.reports = reports;
    }

    @Override
    public List<Item> before(String agencyId, int year) {
        return reports.gate(agencyId, year).findings().stream()
                .filter(finding -> !finding.rule().equals(NOT_CLOSED))
                .map(finding -> new Item(finding.severity().name(), finding.rule(), finding.messageZh(),
                        finding.messageEn(), finding.cells(), finding.applications(), finding.sentence(),
                        finding.acknowledged() != null))
                .toList();
    }
}
