package cn.gongkai.ledger.requests.write.answer;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HEAD;
import static cn.gongkai.ledger.requests.write.RequestFixtures.OTHER_HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RECEIVED_ON;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.approved;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class AnswerTest {

    private static final String BASIS = "条例第三十六条第（三）项";
    private static final String TEXT = "所申请信息中涉及个人隐私的部分不予公开，其余部分予以公开。";
    private static final LocalDate DRAFTED_ON = LocalDate.of(2026, 3, 12);
    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 13);

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static DraftAnswer draft(Outcome outcome, LocalDate draftedOn) {
        return new DraftAnswer(REQUEST_ID, null, outcome, BASIS, TEXT, draftedOn);
    }

    private static AnswerReturned returned() {
        return new AnswerReturned(REQUEST_ID, 1, "法律依据引用有误", REVIEWER.username(), APPROVED_ON);
    }

    // ---- drafting ------------------------------------------------------------------------------

    @Test
    void aCaseHandlerDraftsTheFirstAnswer() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.PARTIALLY_DISCLOSED, DRAFTED_ON), as(HANDLER))
                // then
                .expectEvents(new AnswerDrafted(REQUEST_ID, 1, Outcome.PARTIALLY_DISCLOSED, BASIS, TEXT,
                        HANDLER.username(), DRAFTED_ON));
    }

    @Test
    void aReturnedAnswerIsRedraftedUnderTheNextNumber() {
        // given
        fixture.given(received(), drafted(), returned())
                // when
                .when(draft(Outcome.PARTIALLY_DISCLOSED, TODAY), as(OTHER_HANDLER))
                // then
                .expectEvents(new AnswerDrafted(REQUEST_ID, 2, Outcome.PARTIALLY_DISCLOSED, BASIS, TEXT,
                        OTHER_HANDLER.username(), TODAY));
    }

    @Test
    void aRedraftCannotBeDatedBeforeTheReturnOfThePreviousDraft() {
        // given a draft returned on APPROVED_ON
        fixture.given(received(), drafted(), returned())
                // when the next draft is dated a day before the return
                .when(draft(Outcome.DISCLOSED, APPROVED_ON.minusDays(1)), as(OTHER_HANDLER))
                // then
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void aDraftedAnswerCannotCarryTheMissingCorrectionOutcome() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, DRAFTED_ON), as(HANDLER))
                // then
                .expectNoEvents()
                .expectException(violates("AnswerOutcome", "outcome"));
    }

    @Test
    void aDraftedAnswerCannotCarryTheUnpaidFeeOutcome() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.OTHER_FEE_NOT_PAID, DRAFTED_ON), as(HANDLER))
                // then
                .expectException(violates("AnswerOutcome", "outcome"));
    }

    @Test
    void noAnswerIsDraftedBeforeReceipt() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.DISCLOSED, RECEIVED_ON.minusDays(1)), as(HANDLER))
                // then
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void afterACorrectionNoAnswerIsDraftedBeforeTheCorrectedApplicationArrived() {
        // given
        fixture.given(received(),
                        new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10)),
                        new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)))
                // when
                .when(draft(Outcome.DISCLOSED, LocalDate.of(2026, 3, 8)), as(HANDLER))
                // then
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void aDraftDatedInTheFutureIsRejected() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.DISCLOSED, TOMORROW), as(HANDLER))
                // then
                .expectException(violates("NoDateInTheFuture", "draftedOn"));
    }

    @Test
    void aSecondDraftWhileOneAwaitsReviewIsRejected() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                // then
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void noDraftWhileTheFeeIsUnpaid() {
        // given
        fixture.given(received(), new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_PAGE, 40, 10_000, null,
                        LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 25)))
                // when
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                // then
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aConcludedApplicationCannotBeAnsweredAgain() {
        // given
        fixture.given(concluded())
                // when
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                // then
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToDraftAnAnswer() {
        // given
        fixture.given(received())
                // when
                .when(draft(Outcome.DISCLOSED, DRAFTED_ON), as(STRANGER))
                // then
                .expectException(NotFound.class);
    }

    // ---- approving (编审分离) ------------------------------------------------------------------

    @Test
    void aReviewerApprovesSomeoneElsesDraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(REVIEWER))
                // then
                .expectEvents(new AnswerApproved(REQUEST_ID, 1, REVIEWER.username(), APPROVED_ON));
    }

    @Test
    void theOfficeHeadApprovesSomeoneElsesDraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, DRAFTED_ON), as(HEAD))
                // then
                .expectEvents(new AnswerApproved(REQUEST_ID, 1, HEAD.username(), DRAFTED_ON));
    }

    @Test
    void aReviewerCannotApproveTheirOwnDraft() {
        // given
        fixture.given(received(), drafted(1, REVIEWER))
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(REVIEWER))
                // then
                .expectNoEvents()
                .expectException(violates("ReviewerIsNotDrafter"));
    }

    @Test
    void aCaseHandlerCannotApproveAnAnswer() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(OTHER_HANDLER))
                // then
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void approvingWithoutAPendingDraftIsRejected() {
        // given
        fixture.given(received(), drafted(), returned())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(REVIEWER))
                // then
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void approvingAnApprovedDraftAgainIsRejected() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(HEAD))
                // then
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void approvingAnAnswerOfAConcludedApplicationIsRejected() {
        // given
        fixture.given(concluded())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(HEAD))
                // then
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void anApprovalCannotPrecedeTheDraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, DRAFTED_ON.minusDays(1)), as(REVIEWER))
                // then
                .expectException(violates("DatesInOrder", "approvedOn"));
    }

    @Test
    void anApprovalDatedInTheFutureIsRejected() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, TOMORROW), as(REVIEWER))
                // then
                .expectException(violates("NoDateInTheFuture", "approvedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToApprove() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(STRANGER))
                // then
                .expectException(NotFound.class);
    }

    // ---- returning -----------------------------------------------------------------------------

    @Test
    void aReviewerReturnsSomeoneElsesDraftWithAReason() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(REVIEWER))
                // then
                .expectEvents(new AnswerReturned(REQUEST_ID, 1, "法律依据引用有误", REVIEWER.username(), APPROVED_ON));
    }

    @Test
    void aReviewerCannotReturnTheirOwnDraft() {
        // given
        fixture.given(received(), drafted(1, HEAD))
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(HEAD))
                // then
                .expectException(violates("ReviewerIsNotDrafter"));
    }

    @Test
    void returningADraftWithoutAReasonIsRejected() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, null, APPROVED_ON), as(REVIEWER))
                // then
                .expectNoEvents()
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void aCaseHandlerCannotReturnADraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(OTHER_HANDLER))
                // then
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void returningWithoutAPendingDraftIsRejected() {
        // given
        fixture.given(received())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", TODAY), as(REVIEWER))
                // then
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void aReturnCannotPrecedeTheDraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", DRAFTED_ON.minusDays(1)), as(REVIEWER))
                // then
                .expectException(violates("DatesInOrder", "returnedOn"));
    }

    @Test
    void aReturnDatedInTheFutureIsRejected() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", TOMORROW), as(REVIEWER))
                // then
                .expectException(violates("NoDateInTheFuture", "returnedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToReturnItsDraft() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(STRANGER))
                // then
                .expectException(NotFound.class);
    }

    // ---- issuing -------------------------------------------------------------------------------

    @Test
    void issuingTheApprovedAnswerConcludesTheApplicationWithTheDraftsOutcome() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                // then
                .expectEvents(new RequestAnswered(REQUEST_ID, 1, Outcome.DISCLOSED, TODAY));
    }

    @Test
    void theIssuedAnswerCarriesTheOutcomeOfTheApprovedRedraft() {
        // given
        fixture.given(received(), drafted(), returned(),
                        new AnswerDrafted(REQUEST_ID, 2, Outcome.UNAVAILABLE_NOT_HELD, BASIS, TEXT,
                                HANDLER.username(), APPROVED_ON),
                        new AnswerApproved(REQUEST_ID, 2, HEAD.username(), TODAY))
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                // then
                .expectEvents(new RequestAnswered(REQUEST_ID, 2, Outcome.UNAVAILABLE_NOT_HELD, TODAY));
    }

    @Test
    void anAnswerAwaitingReviewCannotBeIssued() {
        // given
        fixture.given(received(), drafted())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                // then
                .expectNoEvents()
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void anAnswerCannotBeIssuedBeforeItWasApproved() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, APPROVED_ON.minusDays(1)), as(HANDLER))
                // then
                .expectException(violates("DatesInOrder", "answeredOn"));
    }

    @Test
    void noAnswerIsDatedBeforeReceipt() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, RECEIVED_ON.minusDays(1)), as(HANDLER))
                // then
                .expectException(violates("DatesInOrder", "answeredOn"));
    }

    @Test
    void anAnswerDatedInTheFutureIsRejected() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TOMORROW), as(HANDLER))
                // then
                .expectException(violates("NoDateInTheFuture", "answeredOn"));
    }

    @Test
    void answeringTwiceIsRejected() {
        // given
        fixture.given(concluded())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                // then
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void anApprovedAnswerCannotBeIssuedAfterTheApplicantWithdrew() {
        // given
        fixture.given(received(), drafted(), approved(), new RequestWithdrawn(REQUEST_ID, "申请人撤回", APPROVED_ON))
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                // then
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToIssueItsAnswer() {
        // given
        fixture.given(received(), drafted(), approved())
                // when
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(STRANGER))
                // then
                .expectException(NotFound.class);
    }
}
