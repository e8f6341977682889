package cn.gongkai.ledger.disputes.write.correct;

import static cn.gongkai.ledger.disputes.write.DisputeFixtures.AGENCY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.ALSO_CONCLUDED;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.CONCLUDED;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.DISPUTE_ID;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.FILED_ON;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HANDLER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HEAD;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.OPEN;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.OTHER_AGENCYS;
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

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.DisputeResult;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.disputes.write.Dispute;
import cn.gongkai.ledger.platform.NotFound;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class CorrectDisputeTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 3, 12);
    private static final String REASON = "误登为行政复议，实为复议后起诉";

    private final AggregateTestFixture<Dispute> fixture = fixture();

    /** The case filed by the handler and decided (UPHELD) by the reviewer. */
    private static List<Object> filedAndDecided() {
        return List.of(recordedBy(HANDLER, 0, filed()), recordedBy(REVIEWER, 1, decided(DisputeResult.UPHELD,
                DECIDED_ON)));
    }

    private static CorrectDispute correction(UUID requestId, DisputeKind kind, DisputeResult result,
                                             LocalDate decidedOn) {
        return new CorrectDispute(DISPUTE_ID, null, requestId, kind, FILED_ON, "驻政复〔2026〕12号", "驻马店市人民政府",
                result, decidedOn, "复议决定书", REASON, TODAY);
    }

    @Test
    void aSecondReviewerCorrectsTheKindAndTheResultAndTheCaseIsRestatedInFull() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.LITIGATION_AFTER_RECONSIDERATION,
                        DisputeResult.CORRECTED, DECIDED_ON), as(OTHER_REVIEWER))
                .expectEvents(new DisputeCorrected(DISPUTE_ID, CONCLUDED.requestId(), AGENCY,
                        CONCLUDED.registrationNumber(), DisputeKind.LITIGATION_AFTER_RECONSIDERATION, FILED_ON,
                        "驻政复〔2026〕12号", "驻马店市人民政府", DisputeResult.CORRECTED, DECIDED_ON, "复议决定书", FILED_ON,
                        REASON, TODAY));
    }

    @Test
    void theCaseIsMovedToTheApplicationItIsReallyAboutWithThatApplicationsNumber() {
        fixture.given(filedAndDecided())
                .when(correction(ALSO_CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD,
                        DECIDED_ON), as(HEAD))
                .expectEvents(new DisputeCorrected(DISPUTE_ID, ALSO_CONCLUDED.requestId(), AGENCY,
                        ALSO_CONCLUDED.registrationNumber(), DisputeKind.RECONSIDERATION, FILED_ON,
                        "驻政复〔2026〕12号", "驻马店市人民政府", DisputeResult.UPHELD, DECIDED_ON, "复议决定书", FILED_ON,
                        REASON, TODAY));
    }

    @Test
    void aDecisionRecordedInErrorIsTakenBackAndTheCaseIsPendingAgain() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, null, null), as(HEAD))
                .expectEvents(new DisputeCorrected(DISPUTE_ID, CONCLUDED.requestId(), AGENCY,
                        CONCLUDED.registrationNumber(), DisputeKind.RECONSIDERATION, FILED_ON,
                        "驻政复〔2026〕12号", "驻马店市人民政府", null, null, null, FILED_ON, REASON, TODAY));
    }

    @Test
    void whoeverRecordedTheFilingOrTheDecisionCannotCorrectIt() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.OTHER, DECIDED_ON),
                        as(REVIEWER))
                .expectException(violates("CorrectorIsNotTheRecorder"))
                .expectNoEvents();
        fixture.given(recordedBy(HEAD, 0, filed()))
                .when(correction(CONCLUDED.requestId(), DisputeKind.LITIGATION_DIRECT, null, null), as(HEAD))
                .expectException(violates("CorrectorIsNotTheRecorder"))
                .expectNoEvents();
    }

    @Test
    void aHandlerCannotCorrect() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.OTHER, DECIDED_ON),
                        as(HANDLER))
                .expectException(violates("CorrectionNeedsReviewer"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD, DECIDED_ON),
                        as(HEAD))
                .expectException(violates("CorrectionChangesSomething"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(filedAndDecided())
                .when(new CorrectDispute(DISPUTE_ID, null, CONCLUDED.requestId(), DisputeKind.LITIGATION_DIRECT,
                        FILED_ON, null, null, DisputeResult.UPHELD, DECIDED_ON, null, " ", TODAY), as(HEAD))
                .expectException(violates("ReasonRequired"))
                .expectNoEvents();
    }

    @Test
    void aResultWithoutItsDateIsRefusedNamingTheMissingField() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.OTHER, null),
                        as(HEAD))
                .expectException(violates("DecisionHasResultAndDate"))
                .expectNoEvents();
    }

    @Test
    void theCorrectedDatesFollowTheSameRulesAsFilingAndDeciding() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD,
                        FILED_ON.minusDays(1)), as(HEAD))
                .expectException(violates("DatesInOrder"))
                .expectNoEvents();
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD, TOMORROW),
                        as(HEAD))
                .expectException(violates("NoDateInTheFuture"))
                .expectNoEvents();
    }

    @Test
    void theCaseCannotBeMovedToAnOpenApplicationNorToAnotherAgencys() {
        fixture.given(filedAndDecided())
                .when(correction(OPEN.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD, DECIDED_ON),
                        as(HEAD))
                .expectException(violates("DisputeOnlyAboutAConcludedApplication"))
                .expectNoEvents();
        fixture.given(filedAndDecided())
                .when(correction(OTHER_AGENCYS.requestId(), DisputeKind.RECONSIDERATION, DisputeResult.UPHELD,
                        DECIDED_ON), as(HEAD))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aUserOfAnotherAgencyFindsNoSuchCase() {
        fixture.given(filedAndDecided())
                .when(correction(CONCLUDED.requestId(), DisputeKind.LITIGATION_DIRECT, DisputeResult.UPHELD,
                        DECIDED_ON), as(STRANGER))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnCaseCannotBeCorrected() {
        fixture.given(recordedBy(HANDLER, 0, filed()), recordedBy(HEAD, 1, new DisputeWithdrawn(DISPUTE_ID,
                        CONCLUDED.requestId(), AGENCY, FILED_ON, "重复登记", TODAY)))
                .when(correction(CONCLUDED.requestId(), DisputeKind.LITIGATION_DIRECT, null, null),
                        as(OTHER_REVIEWER))
                .expectException(violates("DisputeWithdrawn"))
                .expectNoEvents();
    }
}
