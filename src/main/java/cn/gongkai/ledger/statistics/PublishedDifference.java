package cn.gongkai.ledger.statistics;

import java.time.Instant;
import java.util.List;

/**
 * One cell whose current count differs from the published report's, with the recorded changes
 * since publication that moved it ({@code part} is {@code 三} or {@code 四}).
 */
public record PublishedDifference(String part, String row, String column, long published, long current,
                                  List<Change> changes) {

    /** One counted change after publication: when it was recorded, which event, which application. */
    public record Change(Instant recordedAt, String eventType, String registrationNumber, String affectedCell,
                         long delta) {
    }
}
