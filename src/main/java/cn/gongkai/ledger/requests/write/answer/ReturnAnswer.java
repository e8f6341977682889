package cn.gongkai.ledger.requests.write.answer;

import cn.gongkai.ledger.access.GivesReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Send the pending draft back, with a reason. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record ReturnAnswer(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, String reason, LocalDate returnedOn) implements GivesReason {
}
