package cn.gongkai.ledger.requests.events;

import cn.gongkai.ledger.platform.DataSubject;
import cn.gongkai.ledger.platform.PersonalData;
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
 *
 * <p>{@code applicant} and {@code informationRequested} are the personal data in any event: stored
 * encrypted with the application's own key, and read as 已删除 once that key is erased
 * ({@link ApplicantDataErased}). What was asked for is personal too: applicants name themselves,
 * relatives, their house or their case in it (ADR 0012).
 */
@Revision("1")
public record RequestReceived(
        @DataSubject UUID requestId,
        String agencyId,
        String registrationNumber,
        Channel channel,
        LocalDate receivedOn,
        LocalDate registeredOn,
        ApplicantCategory applicantCategory,
        @PersonalData ApplicantDetails applicant,
        @PersonalData String informationRequested,
        DeliveryForm deliveryForm) implements RequestEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
