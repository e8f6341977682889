package cn.gongkai.ledger.requests.write.amendment;

import cn.gongkai.ledger.access.GivesReason;
import cn.gongkai.ledger.requests.ApplicantCategory;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Correct the applicant's category after the fact; a reviewer issues it. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record CorrectApplicantCategory(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, ApplicantCategory correctedCategory, String reason, LocalDate correctedOn) implements GivesReason {
}
