package cn.gongkai.ledger.requests.write.receive;

import static cn.gongkai.ledger.requests.write.RequestFixtures.AGENCY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.OTHER_AGENCY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.applicant;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixtureAt;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ReceiveRequestTest {

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static ReceiveRequest receive(LocalDate receivedOn) {
        return new ReceiveRequest(REQUEST_ID, Channel.INTERNET, receivedOn, ApplicantCategory.RESEARCH_INSTITUTION,
                applicant(), "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL);
    }

    @Test
    void receivingAnApplicationRegistersItForTheActorsAgencyWithTheNextNumber() {
        var command = receive(LocalDate.of(2026, 3, 10));
        fixture.givenNoPriorActivity()
                .when(command, as(HANDLER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RequestReceived(REQUEST_ID, AGENCY, AGENCY + "/2026-0042", Channel.INTERNET,
                        LocalDate.of(2026, 3, 10), TODAY, ApplicantCategory.RESEARCH_INSTITUTION, applicant(),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL));
    }

    @Test
    void anApplicationIsRegisteredInTheAgencyOfWhoeverRegistersIt() {
        var command = receive(TODAY);
        fixture.givenNoPriorActivity()
                .when(command, as(STRANGER))
                .expectEvents(new RequestReceived(REQUEST_ID, OTHER_AGENCY, OTHER_AGENCY + "/2026-0042",
                        Channel.INTERNET, TODAY, TODAY, ApplicantCategory.RESEARCH_INSTITUTION, applicant(),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL));
    }

    @Test
    void aRegistrationBackDatedIntoTheLastYearTakesItsNumberFromTheReceiptYear() {
        var command = receive(LocalDate.of(2025, 12, 29));
        fixture.givenNoPriorActivity()
                .when(command, as(HANDLER))
                .expectEvents(new RequestReceived(REQUEST_ID, AGENCY, AGENCY + "/2025-0042", Channel.INTERNET,
                        LocalDate.of(2025, 12, 29), TODAY, ApplicantCategory.RESEARCH_INSTITUTION, applicant(),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL));
    }

    @Test
    void anApplicationReceivedYearsAgoIsNumberedInItsReceiptYearNotTheYearItIsTypedIn() {
        // given an application received in 2021 and registered only now, in 2026
        var command = receive(LocalDate.of(2021, 8, 3));
        fixture.givenNoPriorActivity()
                .when(command, as(HANDLER))
                .expectEvents(new RequestReceived(REQUEST_ID, AGENCY, AGENCY + "/2021-0042", Channel.INTERNET,
                        LocalDate.of(2021, 8, 3), TODAY, ApplicantCategory.RESEARCH_INSTITUTION, applicant(),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL));
    }

    @Test
    void halfPastMidnightInBeijingIsAlreadyTheNewYearWhateverTheServerZone() {
        // given: 31 December 16:30 UTC is 1 January 00:30 in Beijing
        Instant now = LocalDateTime.of(2025, 12, 31, 16, 30).toInstant(ZoneOffset.UTC);
        LocalDate newYearsDay = LocalDate.of(2026, 1, 1);
        fixtureAt(now).givenNoPriorActivity()
                .when(receive(newYearsDay), as(HANDLER))
                .expectEvents(new RequestReceived(REQUEST_ID, AGENCY, AGENCY + "/2026-0042", Channel.INTERNET,
                        newYearsDay, newYearsDay, ApplicantCategory.RESEARCH_INSTITUTION, applicant(),
                        "2025年老旧小区改造项目清单", DeliveryForm.ELECTRONIC_BY_EMAIL));
    }

    @Test
    void anApplicationReceivedTomorrowCannotBeRegistered() {
        var command = receive(TOMORROW);
        fixture.givenNoPriorActivity()
                .when(command, as(HANDLER))
                .expectNoEvents()
                .expectException(violates("NoDateInTheFuture", "receivedOn"));
    }

    @Test
    void justBeforeMidnightInBeijingTheNewYearHasNotBegun() {
        // given: 31 December 15:30 UTC is 23:30 the same day in Beijing
        Instant now = LocalDate.of(2025, 12, 31).atTime(23, 30).atZone(BusinessClock.ZONE).toInstant();
        fixtureAt(now).givenNoPriorActivity()
                .when(receive(LocalDate.of(2026, 1, 1)), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "receivedOn"));
    }
}
