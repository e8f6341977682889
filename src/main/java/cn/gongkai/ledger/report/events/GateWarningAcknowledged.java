package cn.gongkai.ledger.report.events;

import org.axonframework.serialization.Revision;

/**
 * The office head acknowledged a warning of the publication gate with a written explanation.
 * {@code findingKey} names the warning and what it was about (rule and subjects): a warning about other
 * applications or cells is a new warning and needs its own acknowledgement.
 */
@Revision("1")
public record GateWarningAcknowledged(String agencyId, int year, String rule, String findingKey, String finding,
                                      String explanation) implements AnnualReportEvent {
}
