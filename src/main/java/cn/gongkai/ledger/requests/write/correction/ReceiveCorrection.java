package cn.gongkai.ledger.requests.write.correction;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that the corrected application arrived. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record ReceiveCorrection(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LocalDate receivedOn) {
}
