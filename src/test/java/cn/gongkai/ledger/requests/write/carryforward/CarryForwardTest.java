package cn.gongkai.ledger.requests.write.carryforward;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HEAD;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixtureAt;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CarryForwardTest {

    /** 5 January 2026, 09:00 in Beijing: 2025 has ended. */
    private static final Instant EARLY_2026 = LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(BusinessClock.ZONE).toInstant();

    private final AggregateTestFixture<InformationRequest> fixture = fixtureAt(EARLY_2026);

    @Test
    void anApplicationOpenAtTheEndOfTheYearIsCarriedIntoTheNext() {
        fixture.given(received(LocalDate.of(2025, 12, 15)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectEvents(new RequestCarriedForward(REQUEST_ID, 2025, 2026));
    }

    @Test
    void anApplicationConcludedOnlyInTheNextYearWasOpenAtYearEndAndIsCarried() {
        fixture.given(received(LocalDate.of(2025, 12, 15)),
                        new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 1, 2)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectEvents(new RequestCarriedForward(REQUEST_ID, 2025, 2026));
    }

    @Test
    void carryingForwardASecondTimeChangesNothing() {
        fixture.given(received(LocalDate.of(2025, 12, 15)), new RequestCarriedForward(REQUEST_ID, 2025, 2026))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApplicationCarriedOnceIsCarriedAgainFromTheFollowingYear() {
        var now = LocalDate.of(2027, 1, 4).atTime(9, 0).atZone(BusinessClock.ZONE).toInstant();
        fixtureAt(now).given(received(LocalDate.of(2025, 12, 15)), new RequestCarriedForward(REQUEST_ID, 2025, 2026))
                .when(new CarryForward(REQUEST_ID, 2026), as(HEAD))
                .expectEvents(new RequestCarriedForward(REQUEST_ID, 2026, 2027));
    }

    @Test
    void anApplicationReceivedAfterTheYearIsNotCarriedFromIt() {
        fixture.given(received(LocalDate.of(2026, 1, 2)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anApplicationConcludedWithinTheYearIsNotCarried() {
        fixture.given(received(LocalDate.of(2025, 12, 15)),
                        new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2025, 12, 31)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void carryingForwardBeforeTheYearEndedIsRefused() {
        // given: 31 December 23:30 in Beijing
        var now = LocalDate.of(2025, 12, 31).atTime(23, 30).atZone(BusinessClock.ZONE).toInstant();
        fixtureAt(now).given(received(LocalDate.of(2025, 12, 15)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectNoEvents()
                .expectException(violates("CarryForwardAfterYearEnd", "fromYear"));
    }

    @Test
    void theYearEndsAtMidnightInBeijingNotOnTheServersClock() {
        // given: 31 December 16:30 UTC is already 1 January in Beijing
        var now = Instant.parse("2025-12-31T16:30:00Z");
        fixtureAt(now).given(received(LocalDate.of(2025, 12, 15)))
                .when(new CarryForward(REQUEST_ID, 2025), as(HEAD))
                .expectEvents(new RequestCarriedForward(REQUEST_ID, 2025, 2026));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToCarryForward() {
        fixture.given(received(LocalDate.of(2025, 12, 15)))
                .when(new CarryForward(REQUEST_ID, 2025), as(STRANGER))
                .expectException(NotFound.class);
    }
}
