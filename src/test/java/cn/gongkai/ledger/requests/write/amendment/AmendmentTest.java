package cn.gongkai.ledger.requests.write.amendment;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER_AND_REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HEAD;
import static cn.gongkai.ledger.requests.write.RequestFixtures.OTHER_REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RECEIVED_ON;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.answered;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.approved;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class AmendmentTest {

    private static final String REASON = "复议决定书认定应为部分公开";

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static CorrectOutcome correctOutcome(Outcome outcome, LocalDate correctedOn) {
        return new CorrectOutcome(REQUEST_ID, null, outcome, REASON, correctedOn);
    }

    private static CorrectApplicantCategory correctCategory(ApplicantCategory category, LocalDate correctedOn) {
        return new CorrectApplicantCategory(REQUEST_ID, null, category, "申请人实为律师事务所", correctedOn);
    }

    // ---- outcome -------------------------------------------------------------------------------

    @Test
    void aReviewerCorrectsTheOutcomeOfAConcludedApplication() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(OTHER_REVIEWER))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                        REASON, OTHER_REVIEWER.username(), TODAY));
    }

    @Test
    void aSecondCorrectionStartsFromTheCorrectedOutcome() {
        fixture.given(concluded())
                .andGiven(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, REASON,
                        REVIEWER.username(), LocalDate.of(2026, 3, 14)))
                .when(correctOutcome(Outcome.DISCLOSED, TODAY), as(HEAD))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.PARTIALLY_DISCLOSED, Outcome.DISCLOSED,
                        REASON, HEAD.username(), TODAY));
    }

    @Test
    void anAnsweredApplicationCannotBeCorrectedIntoALapse() {
        // given an application concluded by an answer
        fixture.given(concluded())
                // when its outcome is "corrected" to the unpaid-fee lapse
                .when(correctOutcome(Outcome.OTHER_FEE_NOT_PAID, TODAY), as(OTHER_REVIEWER))
                .expectException(violates("AnswerOutcome", "correctedOutcome"));
    }

    @Test
    void aLapsedApplicationMayBeCorrectedToTheOtherLapse() {
        // given an application that lapsed for an unpaid fee
        fixture.given(received(), new cn.gongkai.ledger.requests.events.RequestLapsed(REQUEST_ID,
                        Outcome.OTHER_FEE_NOT_PAID, LocalDate.of(2026, 3, 13)))
                // when the reviewer finds it was the correction that never came
                .when(correctOutcome(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, TODAY), as(REVIEWER))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.OTHER_FEE_NOT_PAID,
                        Outcome.OTHER_CORRECTION_NOT_SUBMITTED, REASON, REVIEWER.username(), TODAY));
    }

    @Test
    void aCorrectedOutcomeMustDifferFromTheRecordedOne() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.DISCLOSED, TODAY), as(OTHER_REVIEWER))
                .expectNoEvents()
                .expectException(violates("CorrectionChangesSomething", "correctedOutcome"));
    }

    @Test
    void correctingToTheAlreadyCorrectedOutcomeIsRejected() {
        fixture.given(concluded())
                .andGiven(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, REASON,
                        REVIEWER.username(), LocalDate.of(2026, 3, 14)))
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(OTHER_REVIEWER))
                .expectException(violates("CorrectionChangesSomething", "correctedOutcome"));
    }

    @Test
    void theOutcomeOfAnOpenApplicationCannotBeCorrected() {
        fixture.given(received(), drafted())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(REVIEWER))
                .expectException(violates("ConcludedFirst"));
    }

    @Test
    void aCaseHandlerCannotCorrectAnOutcome() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void anOutcomeCorrectionNeedsAReason() {
        fixture.given(concluded())
                .when(new CorrectOutcome(REQUEST_ID, null, Outcome.PARTIALLY_DISCLOSED, "", TODAY), as(OTHER_REVIEWER))
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void anOutcomeCorrectionCannotPrecedeTheConclusion() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, answered().concludedOn().minusDays(1)), as(OTHER_REVIEWER))
                .expectException(violates("DatesInOrder", "correctedOn"));
    }

    @Test
    void anOutcomeCorrectionDatedInTheFutureIsRejected() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TOMORROW), as(OTHER_REVIEWER))
                .expectException(violates("NoDateInTheFuture", "correctedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToCorrectItsOutcome() {
        fixture.given(concluded())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- applicant category --------------------------------------------------------------------

    @Test
    void aReviewerCorrectsTheApplicantCategory() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(REVIEWER))
                .expectEvents(new ApplicantCategoryCorrected(REQUEST_ID, ApplicantCategory.NATURAL_PERSON,
                        ApplicantCategory.LEGAL_SERVICE_INSTITUTION, "申请人实为律师事务所", REVIEWER.username(), TODAY));
    }

    @Test
    void aSecondCategoryCorrectionStartsFromTheCorrectedCategory() {
        fixture.given(received(), new ApplicantCategoryCorrected(REQUEST_ID, ApplicantCategory.NATURAL_PERSON,
                        ApplicantCategory.LEGAL_SERVICE_INSTITUTION, "申请人实为律师事务所", REVIEWER.username(),
                        LocalDate.of(2026, 3, 10)))
                .when(correctCategory(ApplicantCategory.COMMERCIAL_ENTERPRISE, TODAY), as(HEAD))
                .expectEvents(new ApplicantCategoryCorrected(REQUEST_ID, ApplicantCategory.LEGAL_SERVICE_INSTITUTION,
                        ApplicantCategory.COMMERCIAL_ENTERPRISE, "申请人实为律师事务所", HEAD.username(), TODAY));
    }

    @Test
    void aCorrectedCategoryMustDifferFromTheRecordedOne() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.NATURAL_PERSON, TODAY), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("CorrectionChangesSomething", "correctedCategory"));
    }

    @Test
    void aCaseHandlerCannotCorrectTheApplicantCategory() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(HANDLER))
                .expectException(violates("ReviewerApproves"));
    }

    @Test
    void aCategoryCorrectionNeedsAReason() {
        fixture.given(received())
                .when(new CorrectApplicantCategory(REQUEST_ID, null, ApplicantCategory.LEGAL_SERVICE_INSTITUTION,
                        null, TODAY), as(REVIEWER))
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void aCategoryCorrectionCannotPrecedeReceipt() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, RECEIVED_ON.minusDays(1)),
                        as(REVIEWER))
                .expectException(violates("DatesInOrder", "correctedOn"));
    }

    @Test
    void aCategoryCorrectionDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TOMORROW), as(REVIEWER))
                .expectException(violates("NoDateInTheFuture", "correctedOn"));
    }

    @Test
    void aReviewerOfAnotherAgencyCannotFindTheApplicationToCorrectItsCategory() {
        fixture.given(received())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- 编审分离: neither the drafter nor the approver of the answer corrects it ---------------------

    private static Object[] draftedByAReviewerAndAnswered() {
        return new Object[] {received(), drafted(1, HANDLER_AND_REVIEWER), approved(), answered()};
    }

    @Test
    void theDrafterOfTheAnswerCannotCorrectItsOutcomeEvenAsAReviewer() {
        fixture.given(draftedByAReviewerAndAnswered())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(HANDLER_AND_REVIEWER))
                .expectNoEvents()
                .expectException(violates("CorrectorIsNeitherDrafterNorApprover"));
    }

    @Test
    void theApproverOfTheAnswerCannotCorrectItsOutcome() {
        fixture.given(draftedByAReviewerAndAnswered())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("CorrectorIsNeitherDrafterNorApprover"));
    }

    @Test
    void aThirdReviewerCorrectsTheOutcomeOfAnAnswerTheyTookNoPartIn() {
        fixture.given(draftedByAReviewerAndAnswered())
                .when(correctOutcome(Outcome.PARTIALLY_DISCLOSED, TODAY), as(OTHER_REVIEWER))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED,
                        REASON, OTHER_REVIEWER.username(), TODAY));
    }

    @Test
    void theDrafterAndTheApproverCannotCorrectTheApplicantCategoryOfTheAnswerEither() {
        fixture.given(draftedByAReviewerAndAnswered())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(HANDLER_AND_REVIEWER))
                .expectException(violates("CorrectorIsNeitherDrafterNorApprover"));
        fixture().given(draftedByAReviewerAndAnswered())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(REVIEWER))
                .expectException(violates("CorrectorIsNeitherDrafterNorApprover"));
        fixture().given(draftedByAReviewerAndAnswered())
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(OTHER_REVIEWER))
                .expectEvents(new ApplicantCategoryCorrected(REQUEST_ID, ApplicantCategory.NATURAL_PERSON,
                        ApplicantCategory.LEGAL_SERVICE_INSTITUTION, "申请人实为律师事务所", OTHER_REVIEWER.username(),
                        TODAY));
    }

    @Test
    void theDrafterOfADraftUnderReviewCannotCorrectTheApplicantCategory() {
        fixture.given(received(), drafted(1, HANDLER_AND_REVIEWER))
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(HANDLER_AND_REVIEWER))
                .expectException(violates("CorrectorIsNeitherDrafterNorApprover"));
    }

    @Test
    void aReturnedDraftLeavesNoDrafterBehind() {
        fixture.given(received(), drafted(1, HANDLER_AND_REVIEWER),
                        new cn.gongkai.ledger.requests.events.AnswerReturned(REQUEST_ID, 1, "应全部公开",
                                REVIEWER.username(), LocalDate.of(2026, 3, 13)))
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(HANDLER_AND_REVIEWER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWithdrawnApplicationHasNoAnswerSoAnyReviewerMayCorrectIt() {
        fixture.given(received(), drafted(1, HANDLER_AND_REVIEWER), approved(),
                        new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 3, 14)))
                .when(correctCategory(ApplicantCategory.LEGAL_SERVICE_INSTITUTION, TODAY), as(HANDLER_AND_REVIEWER))
                .expectEvents(new ApplicantCategoryCorrected(REQUEST_ID, ApplicantCategory.NATURAL_PERSON,
                        ApplicantCategory.LEGAL_SERVICE_INSTITUTION, "申请人实为律师事务所",
                        HANDLER_AND_REVIEWER.username(), TODAY));
        fixture().given(received(), drafted(1, HANDLER_AND_REVIEWER), approved(),
                        new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 3, 14)))
                .when(correctOutcome(Outcome.DISCLOSED, TODAY), as(REVIEWER))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.OTHER_OTHER, Outcome.DISCLOSED, REASON,
                        REVIEWER.username(), TODAY));
    }

    @Test
    void aLapsedApplicationHasNoAnswerSoAnyReviewerMayCorrectIt() {
        fixture.given(received(), new RequestLapsed(REQUEST_ID, Outcome.OTHER_FEE_NOT_PAID, LocalDate.of(2026, 3, 13)))
                .when(correctOutcome(Outcome.OTHER_CORRECTION_NOT_SUBMITTED, TODAY), as(HEAD))
                .expectEvents(new OutcomeCorrected(REQUEST_ID, Outcome.OTHER_FEE_NOT_PAID,
                        Outcome.OTHER_CORRECTION_NOT_SUBMITTED, REASON, HEAD.username(), TODAY));
    }
}
