package cn.gongkai.ledger.disputes.write.decide;

import static cn.gongkai.ledger.disputes.write.DisputeFixtures.AGENCY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.CONCLUDED;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.DISPUTE_ID;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.FILED_ON;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HANDLER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HEAD;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.REVIEWER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.STRANGER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TODAY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TOMORROW;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.as;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.decided;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.filed;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.fixture;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.write.Dispute;
import cn.gongkai.ledger.platform.NotFound;
import java.time.LocalDate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class DecideDisputeTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 3, 12);
    private static final String SUMMARY = "责令重新答复";

    private final AggregateTestFixture<Dispute> fixture = fixture();

    @Test
    void aReviewerRecordsThatTheAnswerWasCorrected() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.CORRECTED, DECIDED_ON, SUMMARY), as(REVIEWER))
                // then the decision names the application and the agency, for readers of the stream
                .expectEvents(new DisputeDecided(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, DisputeResult.CORRECTED,
                        DECIDED_ON, SUMMARY));
    }

    @Test
    void aHandlerRecordsAnUpheldAnswerWithoutSummary() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.UPHELD, DECIDED_ON, " "), as(HANDLER))
                .expectEvents(new DisputeDecided(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, DisputeResult.UPHELD,
                        DECIDED_ON, null));
    }

    @Test
    void aCaseMayBeDecidedOnTheDayItWasFiled() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.OTHER, FILED_ON, "申请人撤回复议申请"), as(HEAD))
                .expectEvents(new DisputeDecided(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, DisputeResult.OTHER,
                        FILED_ON, "申请人撤回复议申请"));
    }

    @Test
    void aCaseMayBeDecidedToday() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.UPHELD, TODAY, SUMMARY), as(REVIEWER))
                .expectEvents(new DisputeDecided(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, DisputeResult.UPHELD,
                        TODAY, SUMMARY));
    }

    @Test
    void decidingAnAlreadyDecidedCaseIsRejected() {
        fixture.given(filed(), decided(DisputeResult.UPHELD, DECIDED_ON))
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.CORRECTED, TODAY, SUMMARY), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("DecidedOnlyOnce", null));
    }

    @Test
    void aDecisionDatedInTheFutureIsRejected() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.UPHELD, TOMORROW, SUMMARY), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("NoDateInTheFuture", "decidedOn"));
    }

    @Test
    void aDecisionDatedBeforeTheFilingIsRejected() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.UPHELD, FILED_ON.minusDays(1), SUMMARY), as(REVIEWER))
                .expectNoEvents()
                .expectException(violates("DatesInOrder", "decidedOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheCaseToDecide() {
        fixture.given(filed())
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.CORRECTED, DECIDED_ON, SUMMARY), as(STRANGER))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void anUnknownCaseCannotBeDecided() {
        fixture.givenNoPriorActivity()
                .when(new DecideDispute(DISPUTE_ID, DisputeResult.CORRECTED, DECIDED_ON, SUMMARY), as(REVIEWER))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
