package cn.gongkai.ledger.requests.write.erasure;

import cn.gongkai.ledger.access.GivesReason;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Erase the applicant's personal data of a concluded application once the retention period has
 * passed; an administrator of the agency issues it, with a reason. {@code erasedOn} null means
 * today. {@code expectedVersion}, when given, must be the application's current version (else 409).
 */
public record ErasePersonalData(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion,
                                String reason, LocalDate erasedOn) implements GivesReason {
}
