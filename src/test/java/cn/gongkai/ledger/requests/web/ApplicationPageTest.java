package cn.gongkai.ledger.requests.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.requests.read.RequestViews.Draft;
import cn.gongkai.ledger.requests.read.RequestViews.RequestView;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which action forms the application's page offers, by role and status (the server decides again). */
class ApplicationPageTest {

    private static final Actor LEAD = new Actor("lead-kaifaqu", "kaifaqu", Set.of(Role.HANDLER, Role.REVIEWER));
    private static final Actor REVIEWER = new Actor("reviewer-kaifaqu", "kaifaqu", Set.of(Role.REVIEWER));
    private static final Actor HANDLER = new Actor("handler-kaifaqu", "kaifaqu", Set.of(Role.HANDLER));
    private static final Actor AUDITOR = new Actor("auditor-kaifaqu", "kaifaqu", Set.of(Role.AUDITOR));

    @Test
    void aDrafterWhoAlsoReviewsIsNotOfferedTheApprovalOfTheirOwnDraft() {
        RequestView drafted = view(RequestStatus.ANSWER_DRAFTED, 0, new Draft(1, Outcome.DISCLOSED, "lead-kaifaqu"));

        assertThat(ApplicationPage.allowed(drafted, LEAD)).doesNotContain(Action.APPROVAL, Action.RETURN);
        assertThat(ApplicationPage.allowed(drafted, REVIEWER)).contains(Action.APPROVAL, Action.RETURN);
    }

    @Test
    void anExtendedApplicationIsNotOfferedASecondExtension() {
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), REVIEWER))
                .containsExactly(Action.EXTENSION);
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 20, null), REVIEWER)).isEmpty();
    }

    @Test
    void aHandlerIsOfferedWhatTheStatusAllows() {
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), LEAD)).containsExactly(
                Action.CORRECTION_REQUEST, Action.CONSULTATION, Action.FEE_NOTICE, Action.ANSWER_DRAFT,
                Action.EXTENSION, Action.WITHDRAWAL);
        assertThat(ApplicationPage.allowed(view(RequestStatus.AWAITING_CORRECTION, 0, null), LEAD))
                .contains(Action.CORRECTION_RECEIPT).doesNotContain(Action.ANSWER_DRAFT);
        assertThat(ApplicationPage.allowed(view(RequestStatus.ANSWER_APPROVED, 0, null), LEAD))
                .contains(Action.ANSWER);
    }

    @Test
    void anAuditorIsOfferedNothingAndAHandlerNothingOnAConcludedApplication() {
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), AUDITOR)).isEmpty();
        assertThat(ApplicationPage.allowed(view(RequestStatus.AWAITING_FEE, 0, null), AUDITOR)).isEmpty();
        assertThat(ApplicationPage.allowed(view(RequestStatus.CONCLUDED, 0, null), HANDLER)).isEmpty();
        assertThat(ApplicationPage.allowed(view(RequestStatus.CONCLUDED, 0, null), AUDITOR)).isEmpty();
    }

    @Test
    void aFeeNoticeIsOfferedToAHandlerOnceAndOnlyWhileInProgress() {
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), HANDLER))
                .contains(Action.FEE_NOTICE);
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), REVIEWER))
                .doesNotContain(Action.FEE_NOTICE);
        assertThat(ApplicationPage.allowed(feeIssued(RequestStatus.IN_PROGRESS), HANDLER))
                .doesNotContain(Action.FEE_NOTICE);
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_CONSULTATION, 0, null), HANDLER))
                .doesNotContain(Action.FEE_NOTICE, Action.FEE_PAYMENT, Action.LAPSE);
    }

    @Test
    void awaitingTheFeeAHandlerRecordsThePaymentOrTheLapseAndAReviewerWaivesIt() {
        RequestView awaitingFee = feeIssued(RequestStatus.AWAITING_FEE);

        assertThat(ApplicationPage.allowed(awaitingFee, HANDLER)).containsExactly(
                Action.FEE_PAYMENT, Action.LAPSE, Action.WITHDRAWAL);
        assertThat(ApplicationPage.allowed(awaitingFee, REVIEWER)).containsExactly(
                Action.EXTENSION, Action.FEE_WAIVER);
        assertThat(ApplicationPage.allowed(feeIssued(RequestStatus.IN_PROGRESS), REVIEWER))
                .doesNotContain(Action.FEE_WAIVER);
    }

    @Test
    void awaitingACorrectionAHandlerMayEndItForTheMissingCorrection() {
        assertThat(ApplicationPage.allowed(view(RequestStatus.AWAITING_CORRECTION, 0, null), HANDLER))
                .containsExactly(Action.CORRECTION_RECEIPT, Action.LAPSE, Action.WITHDRAWAL);
        assertThat(ApplicationPage.allowed(view(RequestStatus.AWAITING_CORRECTION, 0, null), REVIEWER))
                .doesNotContain(Action.LAPSE);
    }

    @Test
    void aReviewerCorrectsAConcludedApplicationButNotTheAnswerTheyDrafted() {
        RequestView answered = concluded(new Draft(1, Outcome.DISCLOSED, "lead-kaifaqu"));

        assertThat(ApplicationPage.allowed(answered, REVIEWER))
                .containsExactly(Action.OUTCOME_CORRECTION, Action.CATEGORY_CORRECTION);
        assertThat(ApplicationPage.allowed(answered, LEAD)).isEmpty();
        assertThat(ApplicationPage.allowed(answered, HANDLER)).isEmpty();
        assertThat(ApplicationPage.allowed(view(RequestStatus.IN_PROGRESS, 0, null), REVIEWER))
                .doesNotContain(Action.OUTCOME_CORRECTION, Action.CATEGORY_CORRECTION);
    }

    @Test
    void anAmountIsShownExactlyInYuan() {
        assertThat(ApplicationPage.yuan(12550)).isEqualTo("¥125.50");
        assertThat(ApplicationPage.yuan(7)).isEqualTo("¥0.07");
        assertThat(ApplicationPage.yuan(1000000)).isEqualTo("¥10000.00");
    }

    private static RequestView feeIssued(RequestStatus status) {
        RequestView v = view(status, 0, null);
        return new RequestView(v.requestId(), v.registrationNumber(), v.agencyId(), v.channel(), v.receivedOn(),
                v.registeredOn(), v.applicantCategory(), null, null, null, v.deliveryForm(), status, status.label(),
                null, 0, null, null, 10000L, v.receivedOn().plusDays(15), 0, null, null, null, null,
                new TreeSet<>(), 4, List.of());
    }

    private static RequestView concluded(Draft draft) {
        RequestView v = view(RequestStatus.CONCLUDED, 0, draft);
        return new RequestView(v.requestId(), v.registrationNumber(), v.agencyId(), v.channel(), v.receivedOn(),
                v.registeredOn(), v.applicantCategory(), null, null, null, v.deliveryForm(), v.status(),
                v.statusLabel(), null, 0, null, draft, null, null, 0, Outcome.DISCLOSED, "予以公开",
                v.receivedOn().plusDays(10), null, new TreeSet<>(), 6, List.of());
    }

    private static RequestView view(RequestStatus status, int extensionWorkingDays, Draft draft) {
        LocalDate received = LocalDate.of(2026, 3, 2);
        return new RequestView(UUID.randomUUID(), "2026-0001", "kaifaqu", Channel.INTERNET, received, received,
                ApplicantCategory.NATURAL_PERSON, null, null, null, DeliveryForm.ELECTRONIC_BY_EMAIL, status,
                status.label(), null, extensionWorkingDays, null, draft, null, null, 0, null, null, null, null,
                new TreeSet<>(), 3, List.of());
    }
}
