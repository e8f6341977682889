package cn.gongkai.ledger.requests.write.consultation;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.RECEIVED_ON;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ConsultationTest {

    private static final LocalDate STARTED_ON = LocalDate.of(2026, 3, 5);
    private static final String CONSULTED = "广州市某物业管理有限公司";

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static StartConsultation start(LocalDate startedOn) {
        return new StartConsultation(REQUEST_ID, null, ConsultedParty.THIRD_PARTY, CONSULTED, startedOn);
    }

    private static ConsultationStarted started() {
        return new ConsultationStarted(REQUEST_ID, ConsultedParty.THIRD_PARTY, CONSULTED, STARTED_ON);
    }

    // ---- starting a consultation ---------------------------------------------------------------

    @Test
    void aThirdPartyIsConsulted() {
        fixture.given(received())
                .when(start(STARTED_ON), as(HANDLER))
                .expectEvents(new ConsultationStarted(REQUEST_ID, ConsultedParty.THIRD_PARTY, CONSULTED, STARTED_ON));
    }

    @Test
    void anotherAgencyIsConsulted() {
        fixture.given(received())
                .when(new StartConsultation(REQUEST_ID, null, ConsultedParty.OTHER_AGENCY, "市规划和自然资源局", TODAY),
                        as(HANDLER))
                .expectEvents(new ConsultationStarted(REQUEST_ID, ConsultedParty.OTHER_AGENCY, "市规划和自然资源局", TODAY));
    }

    @Test
    void aConsultationCannotStartBeforeReceipt() {
        fixture.given(received())
                .when(start(RECEIVED_ON.minusDays(1)), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("DatesInOrder", "startedOn"));
    }

    @Test
    void afterACorrectionAConsultationCannotStartBeforeTheCorrectedApplicationArrived() {
        fixture.given(received(),
                        new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10)),
                        new CorrectionReceived(REQUEST_ID, LocalDate.of(2026, 3, 9)))
                .when(start(LocalDate.of(2026, 3, 8)), as(HANDLER))
                .expectException(violates("DatesInOrder", "startedOn"));
    }

    @Test
    void aConsultationDatedInTheFutureIsRejected() {
        fixture.given(received())
                .when(start(TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "startedOn"));
    }

    @Test
    void aSecondConsultationCannotStartWhileOneIsRunning() {
        fixture.given(received(), started())
                .when(start(TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void noConsultationWhileADraftAnswerAwaitsReview() {
        fixture.given(received(), drafted())
                .when(start(TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void aConcludedApplicationCannotBeConsultedOn() {
        fixture.given(concluded())
                .when(start(TODAY), as(HANDLER))
                .expectException(violates("ConcludedOnlyOnce"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToStartAConsultation() {
        fixture.given(received())
                .when(start(STARTED_ON), as(STRANGER))
                .expectException(NotFound.class);
    }

    // ---- recording the answer ------------------------------------------------------------------

    @Test
    void theConsultedPartysAnswerIsRecorded() {
        fixture.given(received(), started())
                .when(new RecordConsultationAnswer(REQUEST_ID, null, LocalDate.of(2026, 3, 10)), as(HANDLER))
                .expectEvents(new ConsultationAnswered(REQUEST_ID, LocalDate.of(2026, 3, 10)));
    }

    @Test
    void anAnswerWithoutARunningConsultationIsRejected() {
        fixture.given(received(), started(), new ConsultationAnswered(REQUEST_ID, LocalDate.of(2026, 3, 10)))
                .when(new RecordConsultationAnswer(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void anAnswerCannotPrecedeTheConsultation() {
        fixture.given(received(), started())
                .when(new RecordConsultationAnswer(REQUEST_ID, null, STARTED_ON.minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "answeredOn"));
    }

    @Test
    void anAnswerDatedInTheFutureIsRejected() {
        fixture.given(received(), started())
                .when(new RecordConsultationAnswer(REQUEST_ID, null, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "answeredOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToRecordAnAnswer() {
        fixture.given(received(), started())
                .when(new RecordConsultationAnswer(REQUEST_ID, null, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }
}
