package cn.gongkai.ledger.requests.write.fee;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that the applicant paid the fee in full. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record RecordFeePayment(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, long amountFen, LocalDate paidOn) {
}
