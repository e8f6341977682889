package cn.gongkai.ledger.requests.write.answer;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Approve the pending draft; the approver must not be its drafter. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record ApproveAnswer(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LocalDate approvedOn) {
}
