package cn.gongkai.ledger.requests.write.carryforward;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Carry an application still open at the end of {@code fromYear} into the next year. Idempotent:
 * an application already carried from that year, or not open at its end, is left as it is.
 */
public record CarryForward(@TargetAggregateIdentifier UUID requestId, int fromYear) {
}
