package cn.gongkai.ledger.requests.write.archive;

import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REVIEWER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.answered;
import static cn.gongkai.ledger.requests.write.RequestFixtures.approved;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;
import static cn.gongkai.ledger.platform.RuleViolations.violates;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ArchiveTest {

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    @Test
    void aConcludedApplicationIsArchived() {
        fixture.given(concluded())
                .when(new ArchiveRequest(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectEvents(new RequestArchived(REQUEST_ID, TODAY));
    }

    @Test
    void aLapsedApplicationIsArchivedOnTheDayItLapsed() {
        fixture.given(received(),
                        new CorrectionRequested(REQUEST_ID, "请写明年份", LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10)),
                        new RequestLapsed(REQUEST_ID, Outcome.OTHER_CORRECTION_NOT_SUBMITTED, LocalDate.of(2026, 3, 11)))
                .when(new ArchiveRequest(REQUEST_ID, null, LocalDate.of(2026, 3, 11)), as(HANDLER))
                .expectEvents(new RequestArchived(REQUEST_ID, LocalDate.of(2026, 3, 11)));
    }

    @Test
    void aConcludedApplicationWhoseOutcomeWasCorrectedIsStillArchived() {
        fixture.given(concluded())
                .andGiven(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, "复议纠正",
                        REVIEWER.username(), LocalDate.of(2026, 3, 14)))
                .when(new ArchiveRequest(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectEvents(new RequestArchived(REQUEST_ID, TODAY));
    }

    @Test
    void anOpenApplicationCannotBeArchived() {
        fixture.given(received(), drafted(), approved())
                .when(new ArchiveRequest(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ConcludedFirst"));
    }

    @Test
    void archivingTwiceIsRejected() {
        fixture.given(concluded())
                .andGiven(new RequestArchived(REQUEST_ID, LocalDate.of(2026, 3, 14)))
                .when(new ArchiveRequest(REQUEST_ID, null, TODAY), as(HANDLER))
                .expectNoEvents()
                .expectException(violates("ActionNotAllowedInStatus"));
    }

    @Test
    void anArchiveDatedBeforeTheConclusionIsRejected() {
        fixture.given(concluded())
                .when(new ArchiveRequest(REQUEST_ID, null, answered().concludedOn().minusDays(1)), as(HANDLER))
                .expectException(violates("DatesInOrder", "archivedOn"));
    }

    @Test
    void anArchiveDatedInTheFutureIsRejected() {
        fixture.given(concluded())
                .when(new ArchiveRequest(REQUEST_ID, null, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "archivedOn"));
    }

    @Test
    void aUserOfAnotherAgencyCannotFindTheApplicationToArchive() {
        fixture.given(concluded())
                .when(new ArchiveRequest(REQUEST_ID, null, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }
}
