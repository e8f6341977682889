package cn.gongkai.ledger.statistics;

import java.time.Instant;
import java.util.UUID;

/**
 * One event's effect on one cell of part 四 of a year: the case moved into the cell ({@code effect}
 * +1) or out of it (−1). {@code move} says between which columns, e.g. {@code PENDING → CORRECTED}.
 */
public record Part4Change(DisputeGroup group, DisputeColumn column, UUID disputeId, String registrationNumber,
                          String eventType, Instant recordedAt, String recordedBy, String move, long effect) {
}
