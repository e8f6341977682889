package cn.gongkai.ledger.disputes.write.correct;

import cn.gongkai.ledger.access.GivesReason;
import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Set right what was recorded wrong about a case: the case in full as it should read. {@code result}
 * and {@code decidedOn} are both null to take back a decision recorded in error (the case is pending
 * again); {@code caseNumber}, {@code authority} and {@code summary} may be null. A reviewer or the
 * office head issues it, with a reason. {@code expectedVersion}, when given, must be the case's
 * current version (else 409).
 */
public record CorrectDispute(@TargetAggregateIdentifier UUID disputeId, @TargetAggregateVersion Long expectedVersion,
                             UUID requestId, DisputeKind kind, LocalDate filedOn, String caseNumber, String authority,
                             DisputeResult result, LocalDate decidedOn, String summary, String reason,
                             LocalDate correctedOn) implements GivesReason {
}
