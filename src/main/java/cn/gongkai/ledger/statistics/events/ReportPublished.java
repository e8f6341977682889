package cn.gongkai.ledger.statistics.events;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The agency published its annual report for {@code year}: the tables exactly as published, by
 * code (part 三: row → column → count; part 四: group → column → count). A corrected report is a
 * later version; the tables of each stay in the history.
 */
@Revision("1")
public record ReportPublished(String agencyId, int year, int version, LocalDate publishedOn, String publishedBy,
                              Map<String, Map<String, Long>> part3, Map<String, Map<String, Long>> part4) {
}
