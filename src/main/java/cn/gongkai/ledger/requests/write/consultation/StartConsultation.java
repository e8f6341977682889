package cn.gongkai.ledger.requests.write.consultation;

import cn.gongkai.ledger.requests.ConsultedParty;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Consult a third party or another agency; the clock pauses. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record StartConsultation(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, ConsultedParty party, String consulted, LocalDate startedOn) {
}
