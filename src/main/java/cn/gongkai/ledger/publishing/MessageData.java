package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.ApplicantDataErased;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.ConsultationAnswered;
import cn.gongkai.ledger.requests.events.ConsultationStarted;
import cn.gongkai.ledger.requests.events.CorrectionReceived;
import cn.gongkai.ledger.requests.events.CorrectionRequested;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.events.NoticeDelivered;
import cn.gongkai.ledger.requests.events.NoticeIssued;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestAnswered;
import cn.gongkai.ledger.requests.events.RequestArchived;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The {@code data} of a message: for each event type, an explicit allow-list of its fields.
 *
 * <p>Only codes, numbers and dates leave the service. The applicant's personal data has no field
 * here at all, so it cannot be serialized into a message by any change of mapper settings. Free
 * text typed by staff (the information requested, reasons, the answer's text and legal basis, the
 * consulted party's name) and staff usernames are left out too: they may quote the applicant, and
 * downstream needs categories, dates and outcomes. Adding one of them later as an optional field
 * keeps the message version.
 */
sealed interface MessageData {

    /** The record of {@code event}'s data; a new event type does not compile until it is mapped here. */
    static MessageData of(RequestEvent event) {
        return switch (event) {
            case RequestReceived e -> new RequestReceivedV1(e.requestId(), e.agencyId(), e.registrationNumber(),
                    e.channel(), e.receivedOn(), e.registeredOn(), e.applicantCategory(), e.deliveryForm());
            case CorrectionRequested e -> new CorrectionRequestedV1(e.requestId(), e.requestedOn(), e.correctionDueOn());
            case CorrectionReceived e -> new CorrectionReceivedV1(e.requestId(), e.receivedOn());
            case ConsultationStarted e -> new ConsultationStartedV1(e.requestId(), e.party(), e.startedOn());
            case ConsultationAnswered e -> new ConsultationAnsweredV1(e.requestId(), e.answeredOn());
            case DeadlineExtended e -> new DeadlineExtendedV1(e.requestId(), e.workingDays(), e.extendedOn());
            case FeeNoticeIssued e -> new FeeNoticeIssuedV1(e.requestId(), e.method(), e.quantity(), e.amountFen(),
                    e.issuedOn(), e.payableBy());
            case FeePaid e -> new FeePaidV1(e.requestId(), e.amountFen(), e.paidOn());
            case FeeWaived e -> new FeeWaivedV1(e.requestId(), e.waivedOn());
            case AnswerDrafted e -> new AnswerDraftedV1(e.requestId(), e.draftNumber(), e.outcome(), e.draftedOn());
            case AnswerReturned e -> new AnswerReturnedV1(e.requestId(), e.draftNumber(), e.returnedOn());
            case AnswerApproved e -> new AnswerApprovedV1(e.requestId(), e.draftNumber(), e.approvedOn());
            case RequestAnswered e -> new RequestAnsweredV1(e.requestId(), e.draftNumber(), e.outcome(), e.concludedOn());
            case RequestWithdrawn e -> new RequestWithdrawnV1(e.requestId(), e.outcome(), e.concludedOn());
            case RequestLapsed e -> new RequestLapsedV1(e.requestId(), e.outcome(), e.concludedOn());
            case RequestCarriedForward e -> new RequestCarriedForwardV1(e.requestId(), e.fromYear(), e.toYear());
            case OutcomeCorrected e -> new OutcomeCorrectedV1(e.requestId(), e.previousOutcome(), e.correctedOutcome(),
                    e.correctedOn());
            case ApplicantCategoryCorrected e -> new ApplicantCategoryCorrectedV1(e.requestId(), e.previousCategory(),
                    e.correctedCategory(), e.correctedOn());
            case RequestArchived e -> new RequestArchivedV1(e.requestId(), e.archivedOn());
            case ApplicantDataErased e -> new ApplicantDataErasedV1(e.requestId(), e.erasedOn());
            case NoticeIssued e -> new NoticeIssuedV1(e.requestId(), e.noticeId(), e.kind(), e.outcome(),
                    e.documentNumber(), e.templateVersion(), e.letterheadVersion(), e.sha256Docx(), e.sha256Pdf(),
                    e.issuedOn());
            case NoticeDelivered e -> new NoticeDeliveredV1(e.requestId(), e.noticeId(), e.method(), e.deliveredOn());
        };
    }

    record RequestReceivedV1(UUID requestId, String agencyId, String registrationNumber, Channel channel,
                             LocalDate receivedOn, LocalDate registeredOn, ApplicantCategory applicantCategory,
                             DeliveryForm deliveryForm) implements MessageData {
    }

    record CorrectionRequestedV1(UUID requestId, LocalDate requestedOn, LocalDate correctionDueOn) implements MessageData {
    }

    record CorrectionReceivedV1(UUID requestId, LocalDate receivedOn) implements MessageData {
    }

    record ConsultationStartedV1(UUID requestId, ConsultedParty party, LocalDate startedOn) implements MessageData {
    }

    record ConsultationAnsweredV1(UUID requestId, LocalDate answeredOn) implements MessageData {
    }

    record DeadlineExtendedV1(UUID requestId, int workingDays, LocalDate extendedOn) implements MessageData {
    }

    record FeeNoticeIssuedV1(UUID requestId, FeeMethod method, int quantity, long amountFen, LocalDate issuedOn,
                             LocalDate payableBy) implements MessageData {
    }

    record FeePaidV1(UUID requestId, long amountFen, LocalDate paidOn) implements MessageData {
    }

    record FeeWaivedV1(UUID requestId, LocalDate waivedOn) implements MessageData {
    }

    record AnswerDraftedV1(UUID requestId, int draftNumber, Outcome outcome, LocalDate draftedOn) implements MessageData {
    }

    record AnswerReturnedV1(UUID requestId, int draftNumber, LocalDate returnedOn) implements MessageData {
    }

    record AnswerApprovedV1(UUID requestId, int draftNumber, LocalDate approvedOn) implements MessageData {
    }

    record RequestAnsweredV1(UUID requestId, int draftNumber, Outcome outcome, LocalDate concludedOn) implements MessageData {
    }

    record RequestWithdrawnV1(UUID requestId, Outcome outcome, LocalDate concludedOn) implements MessageData {
    }

    record RequestLapsedV1(UUID requestId, Outcome outcome, LocalDate concludedOn) implements MessageData {
    }

    record RequestCarriedForwardV1(UUID requestId, int fromYear, int toYear) implements MessageData {
    }

    record OutcomeCorrectedV1(UUID requestId, Outcome previousOutcome, Outcome correctedOutcome,
                              LocalDate correctedOn) implements MessageData {
    }

    record ApplicantCategoryCorrectedV1(UUID requestId, ApplicantCategory previousCategory,
                                        ApplicantCategory correctedCategory, LocalDate correctedOn) implements MessageData {
    }

    record RequestArchivedV1(UUID requestId, LocalDate archivedOn) implements MessageData {
    }

    /** Only that and when: the reason is staff free text, and the personal data never left the service anyway. */
    record ApplicantDataErasedV1(UUID requestId, LocalDate erasedOn) implements MessageData {
    }

    /**
     * A letter was issued: its kind, 文号, template versions and file hashes. The letter's text and its
     * addressee stay in the service; a consumer can prove which file was sent by its hash.
     */
    record NoticeIssuedV1(UUID requestId, UUID noticeId, NoticeKind kind, Outcome outcome, String documentNumber,
                          int templateVersion, int letterheadVersion, String sha256Docx, String sha256Pdf,
                          LocalDate issuedOn) implements MessageData {
    }

    /** A letter was delivered; the tracking number stays in the service (it leads to the applicant's address). */
    record NoticeDeliveredV1(UUID requestId, UUID noticeId, DeliveryMethod method, LocalDate deliveredOn)
            implements MessageData {
    }
}
