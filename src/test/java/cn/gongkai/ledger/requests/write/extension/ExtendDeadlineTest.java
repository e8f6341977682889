package cn.gongkai.ledger.requests.write.extension;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HEAD;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RECEIVED_ON;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;
import static org.hamcrest.Matchers.containsString;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.RuleViolation;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ExtendDeadlineTest {

    private static final String REASON = "需调取多个年度的档案";
    private static final LocalDate EXTENDED_ON = LocalDate.of(2026, 3, 13);

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static ExtendDeadline extend(int workingDays) {
        return new ExtendDeadline(REQUEST_ID, null, workingDays, REASON, EXTENDED_ON);
    }

    @Test
    void aReviewerExtendsTheAnswerPeriod() {
        fixture.given(received())
                .when(extend(15), as(REVIEWER))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 15, REASON, REVIEWER.username(), EXTENDED_ON));
    }

    @Test
    void anExtensionBasedOnTheCurrentVersionIsAccepted() {
        // given an application at version 0
        fixture.given(received())
                // when the reviewer extends it, having seen version 0
                .when(new ExtendDeadline(REQUEST_ID, 0L, 10, REASON, EXTENDED_ON), as(REVIEWER))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 10, REASON, REVIEWER.username(), EXTENDED_ON));
    }

    @Test
    void anExtensionBasedOnAStaleVersionIsAConflictBeforeAnyRule() {
        // given an application that was already extended (version 1)
        fixture.given(received(), new DeadlineExtended(REQUEST_ID, 5, REASON, HEAD.username(), EXTENDED_ON))
                // when a reviewer who saw version 0 extends it
                .when(new ExtendDeadline(REQUEST_ID, 0L, 10, REASON, EXTENDED_ON), as(REVIEWER))
                // then it is a conflict (409), not the rule "only once" (422)
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void theOfficeHeadExtendsTheAnswerPeriod() {
        fixture.given(received())
                .when(extend(20), as(HEAD))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 20, REASON, HEAD.username(), EXTENDED_ON));
    }

    @Test
    void anExtensionOfOneWorkingDayIsAllowed() {
        fixture.given(received())
                .when(extend(1), as(REVIEWER))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 1, REASON, REVIEWER.username(), EXTENDED_ON));
    }

    @Test
    void anApplicationUnderConsultationMayBeExtended() {
        fixture.given(received(),
                        new ConsultationStarted(REQUEST_ID, ConsultedParty.THIRD_PARTY, "某公司", LocalDate.of(2026, 3, 5)))
                .when(extend(10), as(REVIEWER))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 10, REASON, REVIEWER.username(), EXTENDED_ON));
    }

    @Test
    void extendingAnAlreadyExtendedRequestIsRejected() {
        fixture.given(received(), new DeadlineExtended(REQUEST_ID, 5, REASON, HEAD.username(), LocalDate.of(2026, 3, 10)))
                .when(extend(5), as(REVIEWER))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("ExtensionOnlyOnce"));
    }

    @Test
    void aCaseHandlerCannotExtendTheAnswerPeriod() {
        fixture.given(received())
                .when(extend(10), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void anExtensionOfMoreThanTwentyWorkingDaysIsRejected() {
        fixture.given(received())
                .when(extend(21), as(REVIEWER))
                .expectException(violates("ExtensionAtMost20WorkingDays", "workingDays"));
    }

    @Test
    void anExtensionOfNoWorkingDaysIsRejected() {
        fixture.given(received())
                .when(extend(0), as(REVIEWER))
                .expectException(violates("ExtensionAtMost20WorkingDays", "workingDays"));
    }

    @Test
    void anExtensionWithoutAReasonIsRejected() {
        fixture.given(received())
                .when(new ExtendDeadline(REQUEST_ID, null, 10, "  ", EXTENDED_ON), as(REVIEWER))
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void anExtensionDatedBeforeReceiptIsRejected() {
        fixture.given(received())
                .when(new ExtendDeadline(REQUEST_ID, null, 10, REASON, RECEIVED_ON.minusDays(1)), as(REVIEWER))
                .expectException(violates("DatesInOrder", "extendedOn"));
    }

    @Test
    void anExtensionDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(new ExtendDeadline(REQUEST_ID, null, 10, REASON, TOMORROW), as(REVIEWER))
                .expectException(violates("NoDateInTheFuture", "extendedOn"));
    }

    @Test
    void aConcludedApplicationCannotBeExtended() {
        fixture.given(concluded())
                .when(new ExtendDeadline(REQUEST_ID, null, 10, REASON, TODAY), as(REVIEWER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void anArchivedApplicationCannotBeExtended() {
        fixture.given(concluded())
                .andGiven(new RequestArchived(REQUEST_ID, LocalDate.of(2026, 3, 14)))
                .when(new ExtendDeadline(REQUEST_ID, null, 10, REASON, TODAY), as(REVIEWER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToExtend() {
        fixture.given(received())
                .when(extend(10), as(STRANGER))
                .expectException(NotFound.class);
    }
}
