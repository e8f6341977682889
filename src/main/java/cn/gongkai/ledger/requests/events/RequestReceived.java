package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An application was received and registered (接收、登记). {@code receivedOn} is the legal receipt
 * date (条例 第三十一条) that starts every clock; {@code registeredOn} is the day it was entered,
 * never earlier.
 */
@Revision("1")
public record RequestReceived(
        UUID requestId,
        String agencyId,
        String registrationNumber,
        Channel channel,
        LocalDate receivedOn,
        LocalDate registeredOn,
        ApplicantCategory applicantCategory,
        ApplicantDetails applicant,
        String informationRequested,
        DeliveryForm deliveryForm) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
