package cn.gongkai.ledger.requests.write.conclusion;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RECEIVED_ON;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ConclusionTest {

    private static final LocalDate CORRECTION_DUE_ON = LocalDate.of(2026, 3, 11);
    private static final LocalDate PAYABLE_BY = LocalDate.of(2026, 3, 12);

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static CorrectionRequested correctionRequested() {
        return new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 4), CORRECTION_DUE_ON);
    }

    private static FeeNoticeIssued feeNoticeIssued() {
        return new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_PAGE, 40, 10_000, null, LocalDate.of(2026, 3, 5), PAYABLE_BY);
    }

    private static LapseRequest lapse(LapseCause cause, LocalDate concludedOn) {
        return new LapseRequest(REQUEST_ID, null, cause, concludedOn);
    }

    // ---- withdrawal ----------------------------------------------------------------------------

    @Test
    void aWithdrawnApplicationIsConcludedAsOther() {
        fixture.given(received())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人已通过其他途径获取", TODAY), as(HANDLER))
                .expectEvents(new RequestWithdrawn(REQUEST_ID, "申请人已通过其他途径获取", TODAY));
    }

    @Test
    void anApplicationAwaitingCorrectionMayBeWithdrawn() {
        fixture.given(received(), correctionRequested())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", TODAY), as(HANDLER))
                .expectEvents(new RequestWithdrawn(REQUEST_ID, "申请人撤回", TODAY));
    }

    @Test
    void anAnsweredApplicationCannotBeWithdrawn() {
        fixture.given(concluded())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", TODAY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void withdrawingTwiceIsRejected() {
        fixture.given(received(), new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 3, 10)))
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aWithdrawalDatedBeforeReceiptIsRejected() {
        fixture.given(received())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", RECEIVED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "withdrawnOn"));
    }

    @Test
    void aWithdrawalDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "withdrawnOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToWithdraw() {
        fixture.given(received())
                .when(new WithdrawRequest(REQUEST_ID, null, "申请人撤回", TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- lapse: no correction ------------------------------------------------------------------

    @Test
    void anApplicationLapsesTheDayAfterTheCorrectionDeadlinePassed() {
        fixture.given(received(), correctionRequested())
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, CORRECTION_DUE_ON.plusDays(1)), as(HANDLER))
                .expectEvents(new RequestLapsed(REQUEST_ID, Outcome.OTHER_CORRECTION_NOT_SUBMITTED,
                        CORRECTION_DUE_ON.plusDays(1)));
    }

    @Test
    void anApplicationCannotLapseOnTheLastDayForItsCorrection() {
        fixture.given(received(), correctionRequested())
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, CORRECTION_DUE_ON), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("LapseOnlyAfterCorrectionDeadline", "concludedOn"));
    }

    @Test
    void anApplicationNotAwaitingCorrectionCannotLapseForAMissingCorrection() {
        fixture.given(received())
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    // ---- lapse: fee unpaid ---------------------------------------------------------------------

    @Test
    void anApplicationLapsesWhenTheFeeWasNotPaidByTheDeadline() {
        fixture.given(received(), feeNoticeIssued())
                .when(lapse(LapseCause.FEE_NOT_PAID, TODAY), as(HANDLER))
                .expectEvents(new RequestLapsed(REQUEST_ID, Outcome.OTHER_FEE_NOT_PAID, TODAY));
    }

    @Test
    void anApplicationCannotLapseOnTheLastDayForPayment() {
        fixture.given(received(), feeNoticeIssued())
                .when(lapse(LapseCause.FEE_NOT_PAID, PAYABLE_BY), as(HANDLER))
                .expectException(violates("LapseOnlyAfterPaymentDeadline", "concludedOn"));
    }

    @Test
    void anApplicationWithoutAnUnpaidFeeCannotLapseForNonPayment() {
        fixture.given(received(), correctionRequested())
                .when(lapse(LapseCause.FEE_NOT_PAID, TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    // ---- lapse: general ------------------------------------------------------------------------

    @Test
    void aLapseDatedInTheFutureIsRejected() {
        fixture.given(received(), correctionRequested())
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "concludedOn"));
    }

    @Test
    void aWithdrawnApplicationCannotLapse() {
        fixture.given(received(), correctionRequested(), new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 3, 6)))
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aLapsedApplicationCannotLapseAgain() {
        fixture.given(received(), feeNoticeIssued(), new RequestLapsed(REQUEST_ID, Outcome.OTHER_FEE_NOT_PAID, LocalDate.of(2026, 3, 13)))
                .when(lapse(LapseCause.FEE_NOT_PAID, TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToLapse() {
        fixture.given(received(), correctionRequested())
                .when(lapse(LapseCause.CORRECTION_NOT_SUBMITTED, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }
}
