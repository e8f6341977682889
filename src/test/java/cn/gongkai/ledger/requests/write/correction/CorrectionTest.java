package cn.gongkai.ledger.requests.write.correction;

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
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CorrectionTest {

    private static final LocalDate REQUESTED_ON = LocalDate.of(2026, 3, 4);
    private static final LocalDate DUE_ON = LocalDate.of(2026, 3, 11);
    private static final String UNCLEAR = "请写明所需信息的具体年份";

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static RequestCorrection requestCorrection(LocalDate requestedOn, LocalDate dueOn) {
        return new RequestCorrection(REQUEST_ID, null, UNCLEAR, requestedOn, dueOn);
    }

    private static CorrectionRequested correctionRequested() {
        return new CorrectionRequested(REQUEST_ID, UNCLEAR, REQUESTED_ON, DUE_ON);
    }

    // ---- requesting a correction ---------------------------------------------------------------

    @Test
    void anUnclearApplicationIsSentBackForCorrection() {
        fixture.given(received())
                .when(requestCorrection(REQUESTED_ON, DUE_ON), as(HANDLER))
                .expectEvents(new CorrectionRequested(REQUEST_ID, UNCLEAR, REQUESTED_ON, DUE_ON));
    }

    @Test
    void aCorrectionMayBeRequestedOnTheDayOfReceipt() {
        fixture.given(received())
                .when(requestCorrection(RECEIVED_ON, DUE_ON), as(HANDLER))
                .expectEvents(new CorrectionRequested(REQUEST_ID, UNCLEAR, RECEIVED_ON, DUE_ON));
    }

    @Test
    void requestingACorrectionASecondTimeIsRejected() {
        fixture.given(received(), correctionRequested(), new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)))
                .when(requestCorrection(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 20)), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("CorrectionRequestedOnlyOnce"));
    }

    @Test
    void requestingACorrectionWhileOneIsAwaitedIsRejected() {
        fixture.given(received(), correctionRequested())
                .when(requestCorrection(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 20)), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aCorrectionRequestDatedBeforeReceiptIsRejected() {
        fixture.given(received())
                .when(requestCorrection(RECEIVED_ON.minusDays(1), DUE_ON), as(HANDLER))
                .expectException(violates("DatesInOrder", "requestedOn"));
    }

    @Test
    void aCorrectionRequestDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(requestCorrection(TOMORROW, TOMORROW.plusDays(7)), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "requestedOn"));
    }

    @Test
    void theCorrectionDeadlineMustFallAfterTheRequest() {
        fixture.given(received())
                .when(requestCorrection(REQUESTED_ON, REQUESTED_ON), as(HANDLER))
                .expectException(violates("DatesInOrder", "correctionDueOn"));
    }

    @Test
    void aConcludedApplicationCannotBeSentBackForCorrection() {
        fixture.given(concluded())
                .when(requestCorrection(TODAY, TODAY.plusDays(7)), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToRequestACorrection() {
        fixture.given(received())
                .when(requestCorrection(REQUESTED_ON, DUE_ON), as(STRANGER))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    // ---- receiving the correction --------------------------------------------------------------

    @Test
    void theCorrectedApplicationIsRegisteredWhenItArrives() {
        fixture.given(received(), correctionRequested())
                .when(new ReceiveCorrection(REQUEST_ID, null, LocalDate.of(2026, 3, 9)), as(HANDLER))
                .expectEvents(new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)));
    }

    @Test
    void aCorrectionArrivingAfterItsDeadlineIsStillAcceptedWhileTheApplicationHasNotLapsed() {
        fixture.given(received(), correctionRequested())
                .when(new ReceiveCorrection(REQUEST_ID, null, DUE_ON.plusDays(2)), as(HANDLER))
                .expectEvents(new CorrectionReceived(REQUEST_ID, DUE_ON.plusDays(2)));
    }

    @Test
    void aCorrectionNobodyAskedForIsRejected() {
        fixture.given(received())
                .when(new ReceiveCorrection(REQUEST_ID, null, LocalDate.of(2026, 3, 9)), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aCorrectionCannotArriveBeforeItWasRequested() {
        fixture.given(received(), correctionRequested())
                .when(new ReceiveCorrection(REQUEST_ID, null, REQUESTED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "receivedOn"));
    }

    @Test
    void aCorrectionDatedInTheFutureIsRejected() {
        fixture.given(received(), correctionRequested())
                .when(new ReceiveCorrection(REQUEST_ID, null, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "receivedOn"));
    }

    @Test
    void aCorrectionForAWithdrawnApplicationIsRejected() {
        fixture.given(received(), correctionRequested(),
                        new RequestWithdrawn(REQUEST_ID, "申请人撤回", LocalDate.of(2026, 3, 6)))
                .when(new ReceiveCorrection(REQUEST_ID, null, LocalDate.of(2026, 3, 9)), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToRegisterItsCorrection() {
        fixture.given(received(), correctionRequested())
                .when(new ReceiveCorrection(REQUEST_ID, null, LocalDate.of(2026, 3, 9)), as(STRANGER))
                .expectException(NotFound.class);
    }
}
