package cn.gongkai.ledger.report.internal;

import cn.gongkai.ledger.access.GivesReason;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.report.events.Part2Entry;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of an {@link AnnualReport}, all addressed to {@code agencyId:year}. */
final class ReportCommands {

    private ReportCommands() {
    }

    /**
     * Enter figures of part 二; a figure that already has another value is corrected, which needs
     * {@code reason}. A figure entered again with the same value and source changes nothing.
     */
    record EnterPart2Figures(String agencyId, int year, List<Part2Entry> entries, String reason)
            implements GivesReason {

        @TargetAggregateIdentifier
        String reportId() {
            return AnnualReport.id(agencyId, year);
        }
    }

    /**
     * Save a version of a prose section; {@code expectedVersion} is the version the writer based it on (0 for
     * none), or null to save over whatever is there.
     */
    record SaveProse(String agencyId, int year, String section, String text, boolean generated, String note,
                     Integer expectedVersion) implements GivesReason {

        @TargetAggregateIdentifier
        String reportId() {
            return AnnualReport.id(agencyId, year);
        }

        @Override
        public String reason() {
            return note;
        }
    }

    /** Acknowledge a warning of the gate, in the head's words. */
    record AcknowledgeWarning(String agencyId, int year, String rule, String findingKey, String finding,
                              String explanation) implements GivesReason {

        @TargetAggregateIdentifier
        String reportId() {
            return AnnualReport.id(agencyId, year);
        }

        @Override
        public String reason() {
            return explanation;
        }
    }

    /**
     * Publish the document the gate passed, as it was read at the report's {@code basedOnEvents}-th event:
     * anything recorded since (a prose version, a figure) is a conflict, and the head looks again.
     */
    record PublishAnnualReport(String agencyId, int year, int basedOnEvents, String template, String changeNote,
                               String document, List<AnnualReportPublished.Finding> findings,
                               List<AnnualReportPublished.Acknowledgement> acknowledgements)
            implements GivesReason {

        @TargetAggregateIdentifier
        String reportId() {
            return AnnualReport.id(agencyId, year);
        }

        @Override
        public String reason() {
            return changeNote;
        }
    }
}
