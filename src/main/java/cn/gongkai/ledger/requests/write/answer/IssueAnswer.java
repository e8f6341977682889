package cn.gongkai.ledger.requests.write.answer;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Give the approved answer to the applicant: the application is concluded. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record IssueAnswer(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, LocalDate answeredOn) {
}
