package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.DeliveryMethod;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A notice reached its addressee (送达). {@code deliveredOn} is the day the addressee's periods run
 * from: the correction period, the fee's payment period, and the 60 days and 6 months of the
 * remedies against an answer.
 *
 * @param trackingNumber the postal tracking number (邮件号) for {@code POST}; null otherwise
 */
@Revision("1")
public record NoticeDelivered(UUID requestId, UUID noticeId, DeliveryMethod method,
                              LocalDate deliveredOn, String trackingNumber, String recordedBy) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return deliveredOn;
    }
}
