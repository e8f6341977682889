package cn.gongkai.ledger.disputes.write.decide;

import cn.gongkai.ledger.disputes.DisputeResult;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the decision of the reconsideration body or court, once; {@code summary} may be null. */
public record DecideDispute(@TargetAggregateIdentifier UUID disputeId, DisputeResult result, LocalDate decidedOn,
                            String summary) {
}
