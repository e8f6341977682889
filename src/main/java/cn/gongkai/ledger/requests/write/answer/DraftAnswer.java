package cn.gongkai.ledger.requests.write.answer;

import cn.gongkai.ledger.requests.Outcome;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Draft the answer for review. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record DraftAnswer(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, Outcome outcome, String legalBasis, String text, LocalDate draftedOn) {
}
