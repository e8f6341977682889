package cn.gongkai.ledger.requests.write.erasure;

import static cn.gongkai.ledger.platform.RuleViolations.violates;
import static cn.gongkai.ledger.requests.write.RequestFixtures.ADMIN;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HEAD;
import static cn.gongkai.ledger.requests.write.RequestFixtures.OTHER_AGENCY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RETENTION;
import static cn.gongkai.ledger.requests.write.RequestFixtures.answered;
import static cn.gongkai.ledger.requests.write.RequestFixtures.approved;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixtureAt;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** 个人信息删除: who may erase an applicant's personal data, and when. The application was concluded on 13 March 2026. */
class ErasureTest {

    private static final LocalDate CONCLUDED_ON = answered().concludedOn();
    /** The first day the personal data may be erased. */
    private static final LocalDate RETENTION_OVER = CONCLUDED_ON.plus(RETENTION);
    private static final String REASON = "保存期限届满";

    /** A fixture whose "today" is {@code today}, 10:00 in Beijing. */
    private static AggregateTestFixture<InformationRequest> on(LocalDate today) {
        return fixtureAt(today.atTime(10, 0).atZone(BusinessClock.ZONE).toInstant());
    }

    @Test
    void anAdministratorErasesTheApplicantsDataOnTheDayTheRetentionPeriodEnds() {
        on(RETENTION_OVER).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, null), as(ADMIN))
                .expectEvents(new ApplicantDataErased(REQUEST_ID, REASON, RETENTION_OVER));
    }

    @Test
    void anArchivedApplicationIsErasedOnTheDayGiven() {
        on(RETENTION_OVER.plusDays(30)).given(concluded())
                .andGiven(new RequestArchived(REQUEST_ID, CONCLUDED_ON.plusDays(1)))
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, RETENTION_OVER.plusDays(2)), as(ADMIN))
                .expectEvents(new ApplicantDataErased(REQUEST_ID, REASON, RETENTION_OVER.plusDays(2)));
    }

    @Test
    void erasingTheDayBeforeTheRetentionPeriodEndsIsRejected() {
        on(RETENTION_OVER.minusDays(1)).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("PersonalDataKeptForTheRetentionPeriod", "erasedOn"));
    }

    @Test
    void anErasureBackDatedIntoTheRetentionPeriodIsRejected() {
        on(RETENTION_OVER.plusDays(5)).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, RETENTION_OVER.minusDays(1)), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("PersonalDataKeptForTheRetentionPeriod", "erasedOn"));
    }

    @Test
    void anOpenApplicationsDataCannotBeErased() {
        on(RETENTION_OVER).given(received(), drafted(), approved())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("ConcludedFirst"));
    }

    @Test
    void erasingTwiceIsRejected() {
        on(RETENTION_OVER.plusDays(1)).given(concluded())
                .andGiven(new ApplicantDataErased(REQUEST_ID, REASON, RETENTION_OVER))
                .when(new ErasePersonalData(REQUEST_ID, null, "再次删除", null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("PersonalDataErasedOnlyOnce"));
    }

    @Test
    void anErasureNeedsAReason() {
        on(RETENTION_OVER).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, " ", null), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void anErasureDatedInTheFutureIsRejected() {
        on(RETENTION_OVER).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, RETENTION_OVER.plusDays(1)), as(ADMIN))
                .expectNoEvents()
                .expectException(violates("NoDateInTheFuture", "erasedOn"));
    }

    @Test
    void onlyAnAdministratorErases() {
        on(RETENTION_OVER).given(concluded())
                // when the office head tries
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, null), as(HEAD))
                .expectNoEvents()
                .expectException(violates("AdministratorErasesPersonalData"));
    }

    @Test
    void anAdministratorOfAnotherAgencyFindsNoSuchApplication() {
        Actor otherAdmin = new Actor("zhou.qi", OTHER_AGENCY, Set.of(Role.ADMIN));
        on(RETENTION_OVER).given(concluded())
                .when(new ErasePersonalData(REQUEST_ID, null, REASON, null), as(otherAdmin))
                .expectNoEvents()
                .expectException(NotFound.class);
    }
}
