package cn.gongkai.ledger.requests.write.conclusion;

import cn.gongkai.ledger.access.GivesReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that the applicant withdrew the application. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record WithdrawRequest(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, String reason, LocalDate withdrawnOn) implements GivesReason {
}
