package cn.gongkai.ledger.requests.events;

import java.time.LocalDate;
import java.util.UUID;

/** Something that happened to one application. Who did it and when it was recorded live in the metadata. */
public sealed interface RequestEvent
        permits RequestReceived, CorrectionRequested, CorrectionReceived, ConsultationStarted,
        ConsultationAnswered, DeadlineExtended, FeeNoticeIssued, FeePaid, FeeWaived, AnswerDrafted,
        AnswerReturned, AnswerApproved, RequestConcluded, RequestCarriedForward, OutcomeCorrected,
        ApplicantCategoryCorrected, RequestArchived, ApplicantDataErased, NoticeIssued, NoticeDelivered {

    UUID requestId();

    /** The business date on which it happened (Beijing time), as opposed to when it was recorded. */
    LocalDate businessDate();
}
