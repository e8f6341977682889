package cn.gongkai.ledger.report.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Staff corrected figures of part 二 already entered, with a reason; {@code previous} holds the values they
 * replace, in the same order. Compensates the earlier entries, never edits them.
 */
@Revision("1")
public record Part2FiguresCorrected(String agencyId, int year, List<Part2Entry> entries, List<Part2Entry> previous,
                                    String reason) implements AnnualReportEvent {
}
