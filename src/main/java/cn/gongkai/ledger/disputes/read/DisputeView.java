package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One case as the API shows it. {@code authority} is the reconsideration body or court (the
 * events' {@code authority}); {@code result}, {@code decidedOn} and {@code summary} are null while the
 * case is undecided; {@code version} is the sequence number of its latest event (send it back in
 * {@code If-Match} to correct or withdraw the case); {@code withdrawn} is true once the case was
 * withdrawn as recorded in error (it then counts nowhere). After a correction every field shows the
 * case as corrected.
 */
public record DisputeView(UUID disputeId, UUID requestId, String registrationNumber, DisputeKind kind,
                          String kindLabel, LocalDate filedOn, String caseNumber, String authority,
                          DisputeResult result, String resultLabel, LocalDate decidedOn, String summary,
                          long version, boolean withdrawn) {
}
