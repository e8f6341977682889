package cn.gongkai.ledger.disputes.write.withdraw;

import cn.gongkai.ledger.access.GivesReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Withdraw a case recorded in error (撤销登记), with a reason; a reviewer or the office head issues it.
 * {@code expectedVersion}, when given, must be the case's current version (else 409).
 */
public record WithdrawDispute(@TargetAggregateIdentifier UUID disputeId, @TargetAggregateVersion Long expectedVersion,
                              String reason, LocalDate withdrawnOn) implements GivesReason {
}
