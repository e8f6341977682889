package cn.gongkai.ledger.requests.write.extension;

import cn.gongkai.ledger.access.GivesReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Extend the answer period once, by at most 20 working days; a reviewer issues it. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record ExtendDeadline(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, int workingDays, String reason, LocalDate extendedOn) implements GivesReason {
}
