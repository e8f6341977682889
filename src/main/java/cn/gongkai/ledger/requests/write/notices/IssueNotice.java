package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Record a rendered notice as issued. Sent by {@link Notices} inside the transaction that drew its
 * 文号 and stored its files, so that a refusal returns the number. {@code outcome} is the outcome the
 * answer letter states: it must be the approved draft's.
 */
public record IssueNotice(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion,
                          UUID noticeId, NoticeKind kind, Outcome outcome, String documentNumber,
                          int templateVersion, int letterheadVersion, String sha256Docx, String sha256Pdf,
                          LocalDate issuedOn) {
}
