package cn.gongkai.ledger.requests.write.conclusion;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Stop processing because the applicant let the correction or payment deadline pass. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record LapseRequest(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LapseCause cause, LocalDate concludedOn) {
}
