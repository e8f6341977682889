package cn.gongkai.ledger.disputes;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One case as counted in part 四: the provenance of a cell.
 *
 * @param result    null while undecided
 * @param decidedOn null while undecided
 */
public record DisputeCase(UUID disputeId, UUID requestId, String registrationNumber, DisputeKind kind,
                          LocalDate filedOn, DisputeResult result, LocalDate decidedOn) {
}
