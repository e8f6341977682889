package cn.gongkai.ledger.requests.write.notices;

import cn.gongkai.ledger.requests.DeliveryMethod;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Record that an issued notice was delivered (送达): how, on which day, and the tracking number of a post. */
public record DeliverNotice(@TargetAggregateIdentifier UUID requestId, @TargetAggregateVersion Long expectedVersion,
                            UUID noticeId, DeliveryMethod method, LocalDate deliveredOn, String trackingNumber) {
}
