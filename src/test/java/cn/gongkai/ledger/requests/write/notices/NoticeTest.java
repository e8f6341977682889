package cn.gongkai.ledger.requests.write.notices;

import static cn.gongkai.ledger.platform.RuleViolations.violates;
import static cn.gongkai.ledger.requests.write.RequestFixtures.HANDLER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.REQUEST_ID;
import static cn.gongkai.ledger.requests.write.RequestFixtures.STRANGER;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TODAY;
import static cn.gongkai.ledger.requests.write.RequestFixtures.TOMORROW;
import static cn.gongkai.ledger.requests.write.RequestFixtures.approved;
import static cn.gongkai.ledger.requests.write.RequestFixtures.as;
import static cn.gongkai.ledger.requests.write.RequestFixtures.concluded;
import static cn.gongkai.ledger.requests.write.RequestFixtures.drafted;
import static cn.gongkai.ledger.requests.write.RequestFixtures.fixture;
import static cn.gongkai.ledger.requests.write.RequestFixtures.received;

import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.NoticeDelivered;
import cn.gongkai.ledger.requests.events.NoticeIssued;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.write.InformationRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static final UUID NOTICE_ID = UUID.fromString("0b6f4c1e-2d3a-4e5f-8a9b-1c2d3e4f5a6b");
    private static final String NUMBER = "驻经开公开〔2026〕7号";
    private static final String DOCX_HASH = "a".repeat(64);

    private final AggregateTestFixture<InformationRequest> fixture = fixture();

    private static IssueNotice issue(NoticeKind kind, Outcome outcome, LocalDate on) {
        return new IssueNotice(REQUEST_ID, null, NOTICE_ID, kind, outcome, NUMBER, 3, 1, DOCX_HASH, null, on);
    }

    private static NoticeIssued issued(NoticeKind kind, Outcome outcome, LocalDate on) {
        return new NoticeIssued(REQUEST_ID, NOTICE_ID, kind, outcome, NUMBER, 3, 1, DOCX_HASH, null,
                HANDLER.username(), on);
    }

    @Test
    void theAnswerLetterStatingTheApprovedOutcomeIsIssued() {
        fixture.given(concluded())
                .when(issue(NoticeKind.ANSWER, Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectEvents(issued(NoticeKind.ANSWER, Outcome.DISCLOSED, TODAY));
    }

    @Test
    void anAnswerLetterWhoseOutcomeDiffersFromTheApprovedDraftIsRefused() {
        fixture.given(concluded())
                .when(issue(NoticeKind.ANSWER, Outcome.WITHHELD_STATE_SECRET, TODAY), as(HANDLER))
                .expectException(violates("AnswerLetterMatchesApprovedDraft", "outcome"));
    }

    @Test
    void anOutcomeCorrectedAfterTheAnswerDoesNotChangeWhatTheAnswerLetterStates() {
        fixture.given(concluded())
                .andGiven(new OutcomeCorrected(REQUEST_ID, Outcome.DISCLOSED, Outcome.PARTIALLY_DISCLOSED, "计错",
                        "liu.yang", TODAY))
                .when(issue(NoticeKind.ANSWER, Outcome.PARTIALLY_DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("AnswerLetterMatchesApprovedDraft", "outcome"));
    }

    @Test
    void anAnswerLetterBeforeTheAnswerIsRefused() {
        fixture.given(received(), drafted(), approved())
                .when(issue(NoticeKind.ANSWER, Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectException(violates("AnswerLetterWithTheAnswer", "noticeKind"));
    }

    @Test
    void theAnswerLetterIsIssuedOnlyOnce() {
        fixture.given(concluded())
                .andGiven(issued(NoticeKind.ANSWER, Outcome.DISCLOSED, TODAY))
                .when(new IssueNotice(REQUEST_ID, null, UUID.randomUUID(), NoticeKind.ANSWER, Outcome.DISCLOSED,
                        "驻经开公开〔2026〕8号", 3, 1, DOCX_HASH, null, TODAY), as(HANDLER))
                .expectException(violates("AnswerLetterOnlyOnce", "noticeKind"));
    }

    @Test
    void aLapsedApplicationsLetterStatesTheLapse() {
        fixture.given(received(), new CorrectionRequested(REQUEST_ID, "请写明文件名称", LocalDate.of(2026, 3, 3),
                        LocalDate.of(2026, 3, 10)),
                        new RequestLapsed(REQUEST_ID, Outcome.OTHER_CORRECTION_NOT_SUBMITTED, LocalDate.of(2026, 3, 11)))
                .when(issue(NoticeKind.ANSWER, Outcome.OTHER_CORRECTION_NOT_SUBMITTED, TODAY), as(HANDLER))
                .expectEvents(issued(NoticeKind.ANSWER, Outcome.OTHER_CORRECTION_NOT_SUBMITTED, TODAY));
    }

    @Test
    void anExtensionNoticeWithoutAnExtensionIsRefused() {
        fixture.given(received())
                .when(issue(NoticeKind.EXTENSION_NOTICE, null, TODAY), as(HANDLER))
                .expectException(violates("NoticeFollowsItsStep", "noticeKind"));
    }

    @Test
    void anExtensionNoticeFollowsTheExtension() {
        fixture.given(received(), new DeadlineExtended(REQUEST_ID, 10, "需调取档案", "wang.fang", LocalDate.of(2026, 3, 12)))
                .when(issue(NoticeKind.EXTENSION_NOTICE, Outcome.DISCLOSED, TODAY), as(HANDLER))
                .expectEvents(issued(NoticeKind.EXTENSION_NOTICE, null, TODAY));
    }

    @Test
    void aNoticeCannotBeDatedBeforeItsStep() {
        fixture.given(received(), new DeadlineExtended(REQUEST_ID, 10, "需调取档案", "wang.fang", LocalDate.of(2026, 3, 12)))
                .when(issue(NoticeKind.EXTENSION_NOTICE, null, LocalDate.of(2026, 3, 11)), as(HANDLER))
                .expectException(violates("DatesInOrder", "issuedOn"));
    }

    @Test
    void aNoticeCannotBeDatedInTheFuture() {
        fixture.given(received())
                .when(issue(NoticeKind.ACKNOWLEDGEMENT, null, TOMORROW), as(HANDLER))
                .expectException(violates("NoDateInTheFuture", "issuedOn"));
    }

    @Test
    void anotherAgencysApplicationHasNoNotices() {
        fixture.given(received())
                .when(issue(NoticeKind.ACKNOWLEDGEMENT, null, TODAY), as(STRANGER))
                .expectException(NotFound.class);
    }

    @Test
    void aDeliveryByPostIsRecordedWithItsTrackingNumber() {
        fixture.given(received(), issued(NoticeKind.ACKNOWLEDGEMENT, null, LocalDate.of(2026, 3, 3)))
                .when(new DeliverNotice(REQUEST_ID, null, NOTICE_ID, DeliveryMethod.POST, LocalDate.of(2026, 3, 5),
                        " 1180123456789 "), as(HANDLER))
                .expectEvents(new NoticeDelivered(REQUEST_ID, NOTICE_ID, DeliveryMethod.POST, LocalDate.of(2026, 3, 5),
                        "1180123456789", HANDLER.username()));
    }

    @Test
    void aDeliveryByPostNeedsTheTrackingNumber() {
        fixture.given(received(), issued(NoticeKind.ACKNOWLEDGEMENT, null, LocalDate.of(2026, 3, 3)))
                .when(new DeliverNotice(REQUEST_ID, null, NOTICE_ID, DeliveryMethod.POST, LocalDate.of(2026, 3, 5),
                        " "), as(HANDLER))
                .expectException(violates("TrackingNumberForPost", "trackingNumber"));
    }

    @Test
    void aNoticeIsDeliveredOnce() {
        fixture.given(received(), issued(NoticeKind.ACKNOWLEDGEMENT, null, LocalDate.of(2026, 3, 3)),
                        new NoticeDelivered(REQUEST_ID, NOTICE_ID, DeliveryMethod.IN_PERSON, LocalDate.of(2026, 3, 3),
                                null, HANDLER.username()))
                .when(new DeliverNotice(REQUEST_ID, null, NOTICE_ID, DeliveryMethod.ONLINE, LocalDate.of(2026, 3, 5),
                        null), as(HANDLER))
                .expectException(violates("NoticeDeliveredOnlyOnce", "noticeId"));
    }

    @Test
    void aNoticeIsNotDeliveredBeforeItWasIssued() {
        fixture.given(received(), issued(NoticeKind.ACKNOWLEDGEMENT, null, LocalDate.of(2026, 3, 3)))
                .when(new DeliverNotice(REQUEST_ID, null, NOTICE_ID, DeliveryMethod.EMAIL, LocalDate.of(2026, 3, 2),
                        null), as(HANDLER))
                .expectException(violates("DatesInOrder", "deliveredOn"));
    }

    @Test
    void anUnknownNoticeIsNotDelivered() {
        fixture.given(received())
                .when(new DeliverNotice(REQUEST_ID, null, NOTICE_ID, DeliveryMethod.EMAIL, TODAY, null), as(HANDLER))
                .expectException(violates("NoticeIssuedBeforeDelivery", "noticeId"));
    }

    @Test
    void aLetterIsNotAStepThatLaterStepsMustFollow() {
        fixture.given(received(), issued(NoticeKind.ACKNOWLEDGEMENT, null, TODAY))
                .when(new cn.gongkai.ledger.requests.write.extension.ExtendDeadline(REQUEST_ID, null, 5, "需调取档案",
                        LocalDate.of(2026, 3, 10)), as(cn.gongkai.ledger.requests.write.RequestFixtures.REVIEWER))
                .expectEvents(new DeadlineExtended(REQUEST_ID, 5, "需调取档案", "wang.fang", LocalDate.of(2026, 3, 10)));
    }
}
