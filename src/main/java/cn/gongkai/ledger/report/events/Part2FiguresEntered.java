package cn.gongkai.ledger.report.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Staff entered figures of part 二 (主动公开政府信息情况) that had no value yet. */
@Revision("1")
public record Part2FiguresEntered(String agencyId, int year, List<Part2Entry> entries) implements AnnualReportEvent {
}
