package cn.gongkai.ledger.statistics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One cell whose current count differs from the published report's ({@code part} is {@code 三} or
 * {@code 四}), with the recorded events since publication behind the net change, oldest first.
 * Changes that cancel out are left out: an event of an application or case whose effect on the
 * cell a later event of the same application or case undid is not listed, nor is that later one.
 * So the effects listed add up to {@code current − published} whenever every change was recorded
 * after the publication.
 */
public record PublishedDifference(String part, String row, String column, long published, long current,
                                  List<Change> changes) {

    /**
     * One event behind the change of the cell.
     *
     * @param subject            {@code application} or {@code dispute}: what {@code id} names
     * @param id                 the application's or the case's id
     * @param registrationNumber the application's registration number
     * @param eventType          the event's type, e.g. {@code RequestConcluded}, {@code DisputeCorrected}
     * @param recordedAt         when the event was recorded
     * @param recordedBy         who recorded it (user name; null if not known)
     * @param counter            what moved: for part 三 the counter the event changed
     *                           ({@code year:ROW/COLUMN}), which for a carried-over or carried-forward
     *                           cell is a receipt or a conclusion of its years; for part 四 the case's
     *                           move between columns ({@code PENDING → CORRECTED}, {@code –} for none)
     * @param effect             the effect on this cell (+1 adds one to it, −1 takes one away), not
     *                           the counter's sign: a conclusion adds one to 办结 but takes one from
     *                           结转下年度继续办理
     */
    public record Change(String subject, UUID id, String registrationNumber, String eventType, Instant recordedAt,
                         String recordedBy, String counter, long effect) {
    }
}
