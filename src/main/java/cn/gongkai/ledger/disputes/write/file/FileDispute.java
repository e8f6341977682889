package cn.gongkai.ledger.disputes.write.file;

import cn.gongkai.ledger.disputes.DisputeKind;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Record that the applicant sought reconsideration or went to court about a concluded application
 * of the acting user's agency. {@code disputeId} is chosen by the caller (or derived from an
 * idempotency key), so that a retried filing finds the first one instead of making a second.
 *
 * @param caseNumber 案号, may be null
 * @param authority  复议机关或法院 (the reconsideration body or court), may be null
 */
public record FileDispute(UUID disputeId, UUID requestId, DisputeKind kind, LocalDate filedOn, String caseNumber,
                          String authority) {
}
