package cn.gongkai.ledger.report.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The agency published version {@code version} of its report of {@code year}: the whole document frozen as
 * JSON (a {@code ReportDocument}: tables, part 二, prose with its figures resolved), the gate's findings
 * and the acknowledgements it went out with. A corrected version carries a {@code changeNote}.
 */
@Revision("1")
public record AnnualReportPublished(String agencyId, int year, int version, LocalDate publishedOn,
                                    String publishedBy, String template, String changeNote, String document,
                                    List<Finding> findings, List<Acknowledgement> acknowledgements)
        implements AnnualReportEvent {

    /** A gate finding as it stood at publication. */
    public record Finding(String rule, String severity, String key, String messageZh, String messageEn) {
    }

    /** An acknowledged warning: its key, who acknowledged it and why. */
    public record Acknowledgement(String findingKey, String acknowledgedBy, String explanation) {
    }
}
