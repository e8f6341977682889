package cn.gongkai.ledger.report.events;

import org.axonframework.serialization.Revision;

/**
 * A version of one prose section (a {@code ProseSection} name) was saved: the whole text, with the
 * service's bound figures as placeholders ({@code {{三.RECEIVED.TOTAL}}}) resolved when read. {@code generated}
 * is true for the service's first draft; {@code note} is the writer's word on what changed, or null.
 */
@Revision("1")
public record ProseSaved(String agencyId, int year, String section, int version, String text, boolean generated,
                         String note) implements AnnualReportEvent {
}
