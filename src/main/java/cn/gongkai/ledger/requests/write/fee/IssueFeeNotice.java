package cn.gongkai.ledger.requests.write.fee;

import cn.gongkai.ledger.access.GivesReason;
import cn.gongkai.ledger.requests.FeeMethod;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Issue a fee notice: the amount is computed from {@code method} and {@code quantity}, or, for {@code ENTERED}, taken from {@code enteredAmountFen} with a reason. {@code expectedVersion}, when given, must be the application's current version (else 409). */
public record IssueFeeNotice(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion, FeeMethod method, int quantity, Long enteredAmountFen, String reason, LocalDate issuedOn, LocalDate payableBy) implements GivesReason {
}
