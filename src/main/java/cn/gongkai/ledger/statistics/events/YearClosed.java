package cn.gongkai.ledger.statistics.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The office head (or the automatic close after 31 December) closed year {@code year} for the
 * agency: every application open at its end is carried forward into the next year, and so is any
 * application registered later with a receipt date in that year.
 */
@Revision("1")
public record YearClosed(String agencyId, int year, LocalDate closedOn) {
}
