package cn.gongkai.ledger.disputes.write.withdraw;

import static cn.gongkai.ledger.disputes.write.DisputeFixtures.AGENCY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.CONCLUDED;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.DISPUTE_ID;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.FILED_ON;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HANDLER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HEAD;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.OTHER_REVIEWER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.REVIEWER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.STRANGER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TODAY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TOMORROW;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.as;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.decided;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.filed;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.fixture;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.recordedBy;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.disputes.write.Dispute;
import cn.gongkai.ledger.disputes.write.decide.DecideDispute;
import cn.gongkai.ledger.platform.NotFound;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class WithdrawDisputeTest {

    private static final String REASON = "同一案件重复登记";

    private final AggregateTestFixture<Dispute> fixture = fixture();

    @Test
    void theOfficeHeadWithdrawsACaseRecordedInErrorWithTheFilingDateItHad() {
        fixture.given(recordedBy(HANDLER, 0, filed()))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(HEAD))
                .expectEvents(new DisputeWithdrawn(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, FILED_ON, REASON, TODAY));
    }

    @Test
    void aDecidedCaseCanBeWithdrawnBySomeoneWhoRecordedNeitherStep() {
        fixture.given(recordedBy(HANDLER, 0, filed()), recordedBy(REVIEWER, 1, decided(DisputeResult.OTHER, TODAY)))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(OTHER_REVIEWER))
                .expectEvents(new DisputeWithdrawn(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, FILED_ON, REASON, TODAY));
    }

    @Test
    void whoeverRecordedTheDecisionCannotWithdrawTheCase() {
        fixture.given(recordedBy(HANDLER, 0, filed()), recordedBy(REVIEWER, 1, decided(DisputeResult.OTHER, TODAY)))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(REVIEWER))
                .expectException(violates("CorrectorIsNotTheRecorder"))
                .expectNoEvents();
    }

    @Test
    void aHandlerCannotWithdraw() {
        fixture.given(recordedBy(HEAD, 0, filed()))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(HANDLER))
                .expectException(violates("CorrectionNeedsReviewer"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawalNeedsAReasonAndNoFutureDate() {
        fixture.given(recordedBy(HANDLER, 0, filed()))
                .when(new WithdrawDispute(DISPUTE_ID, null, "", TODAY), as(HEAD))
                .expectException(violates("ReasonRequired"))
                .expectNoEvents();
        fixture.given(recordedBy(HANDLER, 0, filed()))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TOMORROW), as(HEAD))
                .expectException(violates("NoDateInTheFuture"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnCaseIsNeitherWithdrawnAgainNorDecided() {
        DisputeWithdrawn withdrawn = new DisputeWithdrawn(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, FILED_ON, REASON,
                TODAY);
        fixture.given(recordedBy(HANDLER, 0, filed()), recordedBy(HEAD, 1, withdrawn))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(OTHER_REVIEWER))
                .expectException(violates("DisputeWithdrawn"))
                .expectNoEvents();
        fixture.given(recordedBy(HANDLER, 0, filed()), recordedBy(HEAD, 1, withdrawn))
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.UPHELD, TODAY, null), as(REVIEWER))
                .expectException(violates("DisputeWithdrawn"))
                .expectNoEvents();
    }

    @Test
    void aUserOfAnotherAgencyFindsNoSuchCase() {
        fixture.given(recordedBy(HANDLER, 0, filed()))
                .when(new WithdrawDispute(DISPUTE_ID, null, REASON, TODAY), as(STRANGER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }
}
