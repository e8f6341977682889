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
        fixture.given(received())
                .when(draft(Outcome.PARTIALLY_DISCLOSED, DRAFTED_ON), as(HANDLER))
                .expectEvents(new AnswerDrafted(REQUEST_ID, 1, Outcome.PARTIALLY_DISCLOSED, BASIS, TEXT,
                        HANDLER.username(), DRAFTED_ON));
    }

    @Test
    void aReturnedAnswerIsRedraftedUnderTheNextNumber() {
        fixture.given(received(), drafted(), returned())
                .when(draft(Outcome.PARTIALLY_DISCLOSED, TODAY), as(OTHER_HANDLER))
                .expectEvents(new AnswerDrafted(REQUEST_ID, 2, Outcome.PARTIALLY_DISCLOSED, BASIS, TEXT,
                        OTHER_HANDLER.username(), TODAY));
    }

    @Test
    void aRedraftCannotBeDatedBeforeTheReturnOfThePreviousDraft() {
        // given a draft returned on APPROVED_ON
        fixture.given(received(), drafted(), returned())
                // when the next draft is dated a day before the return
                .when(draft(Outcome.DISCLOSED, APPROVED_ON.minusDays(1)), as(OTHER_HANDLER))
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void aDraftedAnswerCannotCarryTheMissingCorrectionOutcome() {
        fixture.given(received())
                .when(draft(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, DRAFTED_ON), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("AnswerOutcome", "outcome"));
    }

    @Test
    void aDraftedAnswerCannotCarryTheUnpaidFeeOutcome() {
        fixture.given(received())
                .when(draft(Outcome.OTHER_FEE_NOT_PAID, DRAFTED_ON), as(HANDLER))
                .expectException(violates("AnswerOutcome", "outcome"));
    }

    @Test
    void noAnswerIsDraftedBeforeReceipt() {
        fixture.given(received())
                .when(draft(Outcome.DISCLOSED, RECEIVED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void afterACorrectionNoAnswerIsDraftedBeforeTheCorrectedApplicationArrived() {
        fixture.given(received(),
                        new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10)),
                        new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)))
                .when(draft(Outcome.DISCLOSED, LocalDate.of(2026, 3, 8)), as(HANDLER))
                .expectException(violates("DatesInOrder", "draftedOn"));
    }

    @Test
    void aDraftDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(draft(Outcome.DISCLOSED, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "draftedOn"));
    }

    @Test
    void aSecondDraftWhileOneAwaitsReviewIsRejected() {
        fixture.given(received(), drafted())
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void noDraftWhileTheFeeIsUnpaid() {
        fixture.given(received(), new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_PAGE, 40, 10_000, null,
                        LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 25)))
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aConcludedApplicationCannotBeAnsweredAgain() {
        fixture.given(concluded())
                .when(draft(Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToDraftAnAnswer() {
        fixture.given(received())
                .when(draft(Outcome.DISCLOSED, DRAFTED_ON), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- approving (编审分离) ------------------------------------------------------------------

    @Test
    void aReviewerApprovesSomeoneElsesDraft() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(REVIEWER))
                .expectEvents(new AnswerApproved(REQUEST_ID, 1, REVIEWER.username(), APPROVED_ON));
    }

    @Test
    void theOfficeHeadApprovesSomeoneElsesDraft() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, DRAFTED_ON), as(HEAD))
                .expectEvents(new AnswerApproved(REQUEST_ID, 1, HEAD.username(), DRAFTED_ON));
    }

    @Test
    void aReviewerCannotApproveTheirOwnDraft() {
        fixture.given(received(), drafted(1, REVIEWER))
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("ReviewerIsNotDrafter"));
    }

    @Test
    void aCaseHandlerCannotApproveAnAnswer() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(OTHER_HANDLER))
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void approvingWithoutAPendingDraftIsRejected() {
        fixture.given(received(), drafted(), returned())
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(REVIEWER))
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void approvingAnApprovedDraftAgainIsRejected() {
        fixture.given(received(), drafted(), approved())
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(HEAD))
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void approvingAnAnswerOfAConcludedApplicationIsRejected() {
        fixture.given(concluded())
                .when(new ApproveAnswer(REQUEST_ID, null, TODAY), as(HEAD))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void anApprovalCannotPrecedeTheDraft() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, DRAFTED_ON.minusDays(1)), as(REVIEWER))
                .expectException(violates("DatesInOrder", "approvedOn"));
    }

    @Test
    void anApprovalDatedInTheFutureIsRejected() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, TOMORROW), as(REVIEWER))
                .expectException(violates("NoDateInTheFuture", "approvedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToApprove() {
        fixture.given(received(), drafted())
                .when(new ApproveAnswer(REQUEST_ID, null, APPROVED_ON), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- returning -----------------------------------------------------------------------------

    @Test
    void aReviewerReturnsSomeoneElsesDraftWithAReason() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(REVIEWER))
                .expectEvents(new AnswerReturned(REQUEST_ID, 1, "法律依据引用有误", REVIEWER.username(), APPROVED_ON));
    }

    @Test
    void aReviewerCannotReturnTheirOwnDraft() {
        fixture.given(received(), drafted(1, HEAD))
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(HEAD))
                .expectException(violates("ReviewerIsNotDrafter"));
    }

    @Test
    void returningADraftWithoutAReasonIsRejected() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, null, APPROVED_ON), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void aCaseHandlerCannotReturnADraft() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(OTHER_HANDLER))
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void returningWithoutAPendingDraftIsRejected() {
        fixture.given(received())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", TODAY), as(REVIEWER))
                .expectException(violates("DraftPendingReview"));
    }

    @Test
    void aReturnCannotPrecedeTheDraft() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", DRAFTED_ON.minusDays(1)), as(REVIEWER))
                .expectException(violates("DatesInOrder", "returnedOn"));
    }

    @Test
    void aReturnDatedInTheFutureIsRejected() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", TOMORROW), as(REVIEWER))
                .expectException(violates("NoDateInTheFuture", "returnedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToReturnItsDraft() {
        fixture.given(received(), drafted())
                .when(new ReturnAnswer(REQUEST_ID, null, "法律依据引用有误", APPROVED_ON), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- issuing -------------------------------------------------------------------------------

    @Test
    void issuingTheApprovedAnswerConcludesTheApplicationWithTheDraftsOutcome() {
        fixture.given(received(), drafted(), approved())
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectEvents(new RequestAnswered(REQUEST_ID, 1, Outcome.DISCLOSED, TODAY));
    }

    @Test
    void theIssuedAnswerCarriesTheOutcomeOfTheApprovedRedraft() {
        fixture.given(received(), drafted(), returned(),
                        new AnswerDrafted(REQUEST_ID, 2, Outcome.UNAVAILABLE_NOT_HELD, BASIS, TEXT,
                                HANDLER.username(), APPROVED_ON),
                        new AnswerApproved(REQUEST_ID, 2, HEAD.username(), TODAY))
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectEvents(new RequestAnswered(REQUEST_ID, 2, Outcome.UNAVAILABLE_NOT_HELD, TODAY));
    }

    @Test
    void anAnswerAwaitingReviewCannotBeIssued() {
        fixture.given(received(), drafted())
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void anAnswerCannotBeIssuedBeforeItWasApproved() {
        fixture.given(received(), drafted(), approved())
                .when(new IssueAnswer(REQUEST_ID, null, APPROVED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "answeredOn"));
    }

    @Test
    void noAnswerIsDatedBeforeReceipt() {
        fixture.given(received(), drafted(), approved())
                .when(new IssueAnswer(REQUEST_ID, null, RECEIVED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "answeredOn"));
    }

    @Test
    void anAnswerDatedInTheFutureIsRejected() {
        fixture.given(received(), drafted(), approved())
                .when(new IssueAnswer(REQUEST_ID, null, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "answeredOn"));
    }

    @Test
    void answeringTwiceIsRejected() {
        fixture.given(concluded())
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void anApprovedAnswerCannotBeIssuedAfterTheApplicantWithdrew() {
        fixture.given(received(), drafted(), approved(), new RequestWithdrawn(REQUEST_ID, "申请人撤回", APPROVED_ON))
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToIssueItsAnswer() {
        fixture.given(received(), drafted(), approved())
                .when(new IssueAnswer(REQUEST_ID, null, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }
}
