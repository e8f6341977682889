package cn.gongkai.ledger.requests.write.fee;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
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

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class FeeTest {

    private static final LocalDate ISSUED_ON = LocalDate.of(2026, 3, 5);
    private static final LocalDate PAYABLE_BY = LocalDate.of(2026, 3, 12);

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static IssueFeeNotice perPage(int pages, LocalDate issuedOn, LocalDate payableBy) {
        return new IssueFeeNotice(REQUEST_ID, null, FeeMethod.PER_PAGE, pages, null, null, issuedOn, payableBy);
    }

    /** A notice for 150 pages: 70 × 10 元 + 50 × 20 元 = 1,700 元. */
    private static FeeNoticeIssued noticeIssued() {
        return new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_PAGE, 150, 170_000, null, ISSUED_ON, PAYABLE_BY);
    }

    // ---- issuing a notice ----------------------------------------------------------------------

    @Test
    void aFeeNoticeByPagesIsChargedByThe2020Tariff() {
        fixture.given(received())
                .when(perPage(150, ISSUED_ON, PAYABLE_BY), as(HANDLER))
                .expectEvents(new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_PAGE, 150, 170_000, null, ISSUED_ON,
                        PAYABLE_BY));
    }

    @Test
    void aFeeNoticeByApplicationsIsChargedByTheApplicantsCountInTheMonth() {
        fixture.given(received())
                .when(new IssueFeeNotice(REQUEST_ID, null, FeeMethod.PER_APPLICATION, 31, null, null, ISSUED_ON,
                        PAYABLE_BY), as(HANDLER))
                .expectEvents(new FeeNoticeIssued(REQUEST_ID, FeeMethod.PER_APPLICATION, 31, 20_000, null,
                        ISSUED_ON, PAYABLE_BY));
    }

    @Test
    void anEnteredAmountWithAReasonIsChargedAsEntered() {
        fixture.given(received())
                .when(new IssueFeeNotice(REQUEST_ID, null, FeeMethod.ENTERED, 0, 12_345L, "按协议核定", ISSUED_ON,
                        PAYABLE_BY), as(HANDLER))
                .expectEvents(new FeeNoticeIssued(REQUEST_ID, FeeMethod.ENTERED, 0, 12_345, "按协议核定", ISSUED_ON,
                        PAYABLE_BY));
    }

    @Test
    void anEnteredAmountWithoutAReasonIsRejected() {
        fixture.given(received())
                .when(new IssueFeeNotice(REQUEST_ID, null, FeeMethod.ENTERED, 0, 12_345L, " ", ISSUED_ON,
                        PAYABLE_BY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void thePaymentDeadlineMustFallAfterTheNotice() {
        fixture.given(received())
                .when(perPage(150, ISSUED_ON, ISSUED_ON), as(HANDLER))
                .expectException(violates("DatesInOrder", "payableBy"));
    }

    @Test
    void aNoticeDatedBeforeReceiptIsRejected() {
        fixture.given(received())
                .when(perPage(150, RECEIVED_ON.minusDays(1), PAYABLE_BY), as(HANDLER))
                .expectException(violates("DatesInOrder", "issuedOn"));
    }

    @Test
    void afterACorrectionANoticeCannotPrecedeTheCorrectedApplication() {
        fixture.given(received(),
                        new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10)),
                        new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)))
                .when(perPage(150, LocalDate.of(2026, 3, 8), PAYABLE_BY), as(HANDLER))
                .expectException(violates("DatesInOrder", "issuedOn"));
    }

    @Test
    void aNoticeDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(perPage(150, TOMORROW, TOMORROW.plusDays(20)), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "issuedOn"));
    }

    @Test
    void aSecondNoticeWhileTheFirstIsUnpaidIsRejected() {
        fixture.given(received(), noticeIssued())
                .when(perPage(40, TODAY, TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aSecondNoticeAfterPaymentIsRejectedOneMethodOnlyOnce() {
        fixture.given(received(), noticeIssued(), new FeePaid(REQUEST_ID, 170_000, PAYABLE_BY))
                .when(new IssueFeeNotice(REQUEST_ID, null, FeeMethod.PER_APPLICATION, 12, null, null, TODAY,
                        TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("FeeNoticeOnlyOnce"));
    }

    @Test
    void anEnteredNoticeWithoutAnAmountIsRejectedNamingTheAmount() {
        fixture.given(received())
                .when(new IssueFeeNotice(REQUEST_ID, null, FeeMethod.ENTERED, 0, null, "按实际成本核定", TODAY,
                        TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("EnteredAmountRequired", "amountFen"));
    }

    @Test
    void aNoticeWithinTheFreeAllowanceIsRejected() {
        fixture.given(received())
                // when 30 pages are free
                .when(perPage(30, TODAY, TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("FeeOnlyAboveFreeAllowance"));
    }

    @Test
    void aComputedNoticeWithoutAQuantityIsRejected() {
        fixture.given(received())
                .when(perPage(0, TODAY, TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("FeeQuantityRequired", "quantity"));
    }

    @Test
    void aConcludedApplicationCannotBeCharged() {
        fixture.given(concluded())
                .when(perPage(150, TODAY, TODAY.plusDays(20)), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToCharge() {
        fixture.given(received())
                .when(perPage(150, ISSUED_ON, PAYABLE_BY), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- payment -------------------------------------------------------------------------------

    @Test
    void aPaymentInFullIsRecorded() {
        fixture.given(received(), noticeIssued())
                .when(new RecordFeePayment(REQUEST_ID, null, 170_000, LocalDate.of(2026, 3, 10)), as(HANDLER))
                .expectEvents(new FeePaid(REQUEST_ID, 170_000, LocalDate.of(2026, 3, 10)));
    }

    @Test
    void aPaymentOfAnotherAmountIsRejected() {
        fixture.given(received(), noticeIssued())
                .when(new RecordFeePayment(REQUEST_ID, null, 100_000, LocalDate.of(2026, 3, 10)), as(HANDLER))
                .expectException(violates("FeePaidInFull", "amountFen"));
    }

    @Test
    void aPaymentWithoutANoticeIsRejected() {
        fixture.given(received())
                .when(new RecordFeePayment(REQUEST_ID, null, 170_000, LocalDate.of(2026, 3, 10)), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aPaymentCannotPrecedeTheNotice() {
        fixture.given(received(), noticeIssued())
                .when(new RecordFeePayment(REQUEST_ID, null, 170_000, ISSUED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "paidOn"));
    }

    @Test
    void aPaymentDatedInTheFutureIsRejected() {
        fixture.given(received(), noticeIssued())
                .when(new RecordFeePayment(REQUEST_ID, null, 170_000, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "paidOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToRecordAPayment() {
        fixture.given(received(), noticeIssued())
                .when(new RecordFeePayment(REQUEST_ID, null, 170_000, LocalDate.of(2026, 3, 10)), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- waiver --------------------------------------------------------------------------------

    @Test
    void aFeeIsWaivedWithAReason() {
        fixture.given(received(), noticeIssued())
                .when(new WaiveFee(REQUEST_ID, null, "申请人为低保对象", LocalDate.of(2026, 3, 10)), as(REVIEWER))
                .expectEvents(new FeeWaived(REQUEST_ID, "申请人为低保对象", LocalDate.of(2026, 3, 10)));
    }

    @Test
    void aWaiverWithoutAReasonIsRejected() {
        fixture.given(received(), noticeIssued())
                .when(new WaiveFee(REQUEST_ID, null, "", LocalDate.of(2026, 3, 10)), as(REVIEWER))
                .expectException(violates("ReasonRequired", "reason"));
    }

    @Test
    void aWaiverWithoutANoticeIsRejected() {
        fixture.given(received())
                .when(new WaiveFee(REQUEST_ID, null, "申请人为低保对象", LocalDate.of(2026, 3, 10)), as(REVIEWER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aWaiverCannotPrecedeTheNotice() {
        fixture.given(received(), noticeIssued())
                .when(new WaiveFee(REQUEST_ID, null, "申请人为低保对象", ISSUED_ON.minusDays(1)), as(REVIEWER))
                .expectException(violates("DatesInOrder", "waivedOn"));
    }

    @Test
    void aWaiverDatedInTheFutureIsRejected() {
        fixture.given(received(), noticeIssued())
                .when(new WaiveFee(REQUEST_ID, null, "申请人为低保对象", TOMORROW), as(REVIEWER))
                .expectException(violates("NoDateInTheFuture", "waivedOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToWaiveItsFee() {
        fixture.given(received(), noticeIssued())
                .when(new WaiveFee(REQUEST_ID, null, "申请人为低保对象", LocalDate.of(2026, 3, 10)), as(STRANGER))
                .expectException(NotFound.class);
    }
}
