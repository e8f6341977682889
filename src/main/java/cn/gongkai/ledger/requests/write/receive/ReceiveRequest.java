package cn.gongkai.ledger.requests.write.receive;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Register a received application. {@code requestId} is chosen by the caller (or derived from an
 * idempotency key), so that a retried registration finds the first one instead of making a second.
 * The agency is the acting user's; the registration date is today; the registration number is
 * drawn from the series of the receipt year, the year the application counts in (ADR 0016).
 */
public record ReceiveRequest(
        UUID requestId,
        Channel channel,
        LocalDate receivedOn,
        ApplicantCategory applicantCategory,
        ApplicantDetails applicant,
        String informationRequested,
        DeliveryForm deliveryForm) {
}
