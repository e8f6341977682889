package cn.gongkai.ledger.requests.write.consultation;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record the consulted party's answer; the clock runs again. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record RecordConsultationAnswer(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LocalDate answeredOn) {
}
