package cn.gongkai.ledger.requests.write.correction;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Tell the applicant, once, what to correct and by when. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record RequestCorrection(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, String whatIsUnclear, LocalDate requestedOn, LocalDate correctionDueOn) {
}
