package cn.gongkai.ledger.disputes.write.file;

import static cn.gongkai.ledger.disputes.write.DisputeFixtures.AGENCY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.CONCLUDED;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.CONCLUDED_ON;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.DISPUTE_ID;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.FILED_ON;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HANDLER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.HEAD;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.OPEN;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.OTHER_AGENCYS;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.REVIEWER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.STRANGER;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TODAY;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.TOMORROW;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.as;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.filed;
import static cn.gongkai.ledger.disputes.write.DisputeFixtures.fixture;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.disputes.DisputeKind;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.write.Dispute;
import cn.gongkai.ledger.platform.NotFound;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class FileDisputeTest {

    private static final String CASE_NUMBER = "驻政复〔2026〕12号";
    private static final String BODY = "驻马店市人民政府";

    private final AggregateTestFixture<Dispute> fixture = fixture();

    private static FileDispute file(UUID requestId, DisputeKind kind, LocalDate filedOn) {
        return new FileDispute(DISPUTE_ID, requestId, kind, filedOn, CASE_NUMBER, BODY);
    }

    @Test
    void aHandlerFilesAReconsiderationAboutAConcludedApplication() {
        fixture.givenNoPriorActivity()
                .when(file(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, FILED_ON), as(HANDLER))
                // then the case carries the application's agency and registration number
                .expectSuccessfulHandlerExecution()
                .expectEvents(filed());
    }

    @Test
    void aReviewerFilesALawsuitBroughtWithoutReconsideration() {
        fixture.givenNoPriorActivity()
                .when(file(CONCLUDED.requestId(), DisputeKind.LITIGATION_DIRECT, FILED_ON), as(REVIEWER))
                .expectEvents(new DisputeFiled(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, "2026-0042",
                        DisputeKind.LITIGATION_DIRECT, FILED_ON, CASE_NUMBER, BODY));
    }

    @Test
    void aLawsuitAfterReconsiderationMayBeFiledOnTheDayOfConclusionWithoutCaseNumberOrCourt() {
        fixture.givenNoPriorActivity()
                // when the office head records it on the day the application was concluded, with blanks
                .when(new FileDispute(DISPUTE_ID, CONCLUDED.requestId(), DisputeKind.LITIGATION_AFTER_RECONSIDERATION,
                        CONCLUDED_ON, "  ", null), as(HEAD))
                // then the blanks are recorded as absent
                .expectEvents(new DisputeFiled(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, "2026-0042",
                        DisputeKind.LITIGATION_AFTER_RECONSIDERATION, CONCLUDED_ON, null, null));
    }

    @Test
    void aCaseMayBeFiledToday() {
        fixture.givenNoPriorActivity()
                .when(new FileDispute(DISPUTE_ID, CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, TODAY,
                        " 驻政复〔2026〕12号 ", BODY), as(HANDLER))
                .expectEvents(new DisputeFiled(DISPUTE_ID, CONCLUDED.requestId(), AGENCY, "2026-0042",
                        DisputeKind.RECONSIDERATION, TODAY, CASE_NUMBER, BODY));
    }

    @Test
    void aCaseFiledInTheFutureIsRejected() {
        fixture.givenNoPriorActivity()
                .when(file(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, TOMORROW), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("NoDateInTheFuture", "filedOn"));
    }

    @Test
    void aCaseFiledBeforeTheApplicationWasConcludedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(file(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, CONCLUDED_ON.minusDays(1)), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("DatesInOrder", "filedOn"));
    }

    @Test
    void aCaseAboutAnOpenApplicationIsRejected() {
        fixture.givenNoPriorActivity()
                .when(file(OPEN.requestId(), DisputeKind.RECONSIDERATION, TODAY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("DisputeOnlyAboutAConcludedApplication", "requestId"));
    }

    @Test
    void aCaseAboutAnUnknownApplicationIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(file(UUID.fromString("00000000-0000-4000-8000-000000000001"), DisputeKind.RECONSIDERATION,
                        FILED_ON), as(HANDLER))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void aCaseAboutAnotherAgencysApplicationIsNotFound() {
        fixture.givenNoPriorActivity()
                // when our handler names the other agency's application
                .when(file(OTHER_AGENCYS.requestId(), DisputeKind.RECONSIDERATION, FILED_ON), as(HANDLER))
                // then it does not exist for them
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void aUserOfAnotherAgencyCannotFindOurApplicationToFileAbout() {
        fixture.givenNoPriorActivity()
                .when(file(CONCLUDED.requestId(), DisputeKind.RECONSIDERATION, FILED_ON), as(STRANGER))
                .expectNoEvents()
                .expectException(NotFound.class);
    }
}
