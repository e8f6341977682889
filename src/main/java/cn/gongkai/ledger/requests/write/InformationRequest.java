package cn.gongkai.ledger.requests.write;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.DateRules;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.platform.PersonalDataKeys;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.DeliveryMethod;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.NoticeKind;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.YearEnd;
import cn.gongkai.ledger.requests.RequestStatus;
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
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestLapsed;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.requests.events.RequestWithdrawn;
import cn.gongkai.ledger.requests.write.amendment.CorrectApplicantCategory;
import cn.gongkai.ledger.requests.write.amendment.CorrectOutcome;
import cn.gongkai.ledger.requests.write.answer.ApproveAnswer;
import cn.gongkai.ledger.requests.write.answer.DraftAnswer;
import cn.gongkai.ledger.requests.write.answer.IssueAnswer;
import cn.gongkai.ledger.requests.write.answer.ReturnAnswer;
import cn.gongkai.ledger.requests.write.archive.ArchiveRequest;
import cn.gongkai.ledger.requests.write.carryforward.CarryForward;
import cn.gongkai.ledger.requests.write.consultation.RecordConsultationAnswer;
import cn.gongkai.ledger.requests.write.consultation.StartConsultation;
import cn.gongkai.ledger.requests.write.conclusion.LapseCause;
import cn.gongkai.ledger.requests.write.conclusion.LapseRequest;
import cn.gongkai.ledger.requests.write.conclusion.WithdrawRequest;
import cn.gongkai.ledger.requests.write.correction.ReceiveCorrection;
import cn.gongkai.ledger.requests.write.correction.RequestCorrection;
import cn.gongkai.ledger.requests.write.erasure.ErasePersonalData;
import cn.gongkai.ledger.requests.write.erasure.PersonalDataRetention;
import cn.gongkai.ledger.requests.write.extension.ExtendDeadline;
import cn.gongkai.ledger.requests.write.fee.FeeSchedule;
import cn.gongkai.ledger.requests.write.fee.IssueFeeNotice;
import cn.gongkai.ledger.requests.write.fee.RecordFeePayment;
import cn.gongkai.ledger.requests.write.fee.WaiveFee;
import cn.gongkai.ledger.requests.write.notices.DeliverNotice;
import cn.gongkai.ledger.requests.write.notices.IssueNotice;
import cn.gongkai.ledger.requests.write.receive.ApplicantMatches;
import cn.gongkai.ledger.requests.write.receive.ReceiveRequest;
import cn.gongkai.ledger.requests.write.receive.RegistrationNumbers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One application for government information, from receipt to archive. Every rule of its life is
 * enforced here; state changes only by applying events, so the event history is the whole truth.
 *
 * <p>The acting user comes from the command's metadata (set by an interceptor, never by callers);
 * a user of another agency finds no such application. Business dates come from the command and
 * are checked against today on the injected {@link Clock}, in Beijing time.
 */
@Aggregate
public class InformationRequest {

    /** 条例 第三十三条: an extension adds at most 20 working days. */
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;

    @AggregateIdentifier
    private UUID requestId;
    private String agencyId;
    private LocalDate receivedOn;
    private ApplicantCategory category;
    private RequestStatus status;
    private LocalDate correctionRequestedOn;
    private LocalDate correctionDueOn;
    private LocalDate correctionReceivedOn;
    private LocalDate consultationStartedOn;
    private boolean extended;
    private boolean feeNoticeIssued;
    private long feeDueFen;
    private LocalDate feeIssuedOn;
    private LocalDate feePayableBy;
    private int draftNumber;
    private String drafter;
    /** Who approved the current draft; with {@link #drafter}, neither may correct the answer afterwards (编审分离). */
    private String approver;
    private Outcome draftOutcome;
    private LocalDate draftedOn;
    private LocalDate approvedOn;
    private Outcome outcome;
    private LocalDate concludedOn;
    private boolean lapsed;
    private boolean concludedByAnswer;
    /** The business date of the latest step: no later step may be dated before it. */
    private LocalDate lastStepOn;
    private LocalDate personalDataErasedOn;
    private final Set<Integer> carriedForwardFrom = new HashSet<>();
    /** The outcome the application was concluded with, before any later correction. */
    private Outcome concludedOutcome;
    private LocalDate extendedOn;
    private String answerLetterNumber;
    /** Issued notices by id: the day each was issued, and the day it was delivered (null until then). */
    private final Map<UUID, IssuedNotice> notices = new HashMap<>();

    /** A notice as the rules see it: when issued, when delivered (null until then). */
    private record IssuedNotice(LocalDate issuedOn, LocalDate deliveredOn) {
    }

    protected InformationRequest() {
        // for Axon: rebuilt from its events
    }

    /**
     * A command that names the version it was based on ({@code If-Match}) is refused as a conflict
     * when anything happened since, before any rule is evaluated: the caller decided on a view
     * that no longer holds.
     */
    @CommandHandlerInterceptor
    Object refuseChangesBasedOnAStaleVersion(InterceptorChain chain, ConflictResolver conflicts) throws Exception {
        conflicts.detectConflicts(unseenEvents -> !unseenEvents.isEmpty());
        return chain.proceed();
    }

    // ---- received and registered --------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(ReceiveRequest command, MetaData metaData, Clock clock, RegistrationNumbers numbers,
                ApplicantMatches matches, PersonalDataKeys keys) {
        Actor actor = Actor.from(metaData);
        LocalDate today = BusinessClock.today(clock);
        notInFuture("receivedOn", command.receivedOn(), today);
        // the application's key first: drawing the number locks the agency-year's counter until the commit, so
        // everything that can run before it does (ADR 0002)
        keys.createForWriting(List.of(command.requestId().toString()));
        String registrationNumber = numbers.next(actor.agencyId(), command.receivedOn().getYear());
        // a keyed hash beside the event, in this transaction, while the ID number is still plain
        matches.record(command.requestId(), actor.agencyId(), registrationNumber, command.receivedOn(),
                command.applicant() == null ? null : command.applicant().idNumber());
        apply(new RequestReceived(
                command.requestId(),
                actor.agencyId(),
                registrationNumber,
                command.channel(),
                command.receivedOn(),
                today,
                command.applicantCategory(),
                command.applicant(),
                command.informationRequested(),
                command.deliveryForm()));
    }

    private void on(RequestReceived event) {
        requestId = event.requestId();
        agencyId = event.agencyId();
        receivedOn = event.receivedOn();
        category = event.applicantCategory();
        status = RequestStatus.IN_PROGRESS;
    }

    // ---- correction (补正) ----------------------------------------------------------------------

    @CommandHandler
    void handle(RequestCorrection command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.IN_PROGRESS, "告知补正", "request a correction");
        if (correctionRequestedOn != null) {
            throw Rules.correctionOnlyOnce();
        }
        LocalDate today = BusinessClock.today(clock);
        validDate("requestedOn", command.requestedOn(), receivedOn, "收到申请日期", "receipt date", today);
        if (!command.correctionDueOn().isAfter(command.requestedOn())) {
            throw DateRules.dateBefore("correctionDueOn", command.correctionDueOn(), "告知补正日期之后",
                    "day after the correction request", command.requestedOn().plusDays(1));
        }
        apply(new CorrectionRequested(command.requestId(),
                command.whatIsUnclear(), command.requestedOn(), command.correctionDueOn()));
    }

    private void on(CorrectionRequested event) {
        correctionRequestedOn = event.requestedOn();
        correctionDueOn = event.correctionDueOn();
        status = RequestStatus.AWAITING_CORRECTION;
    }

    @CommandHandler
    void handle(ReceiveCorrection command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.AWAITING_CORRECTION, "登记补正材料", "receive a correction");
        validDate("receivedOn", command.receivedOn(), correctionRequestedOn, "告知补正日期",
                "correction request", BusinessClock.today(clock));
        apply(new CorrectionReceived(command.requestId(), command.receivedOn()));
    }

    private void on(CorrectionReceived event) {
        correctionReceivedOn = event.receivedOn();
        status = RequestStatus.IN_PROGRESS;
    }

    // ---- consultation (征求意见) ----------------------------------------------------------------

    @CommandHandler
    void handle(StartConsultation command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.IN_PROGRESS, "征求意见", "start a consultation");
        validDate("startedOn", command.startedOn(), clockStart(), "计时起算日", "start of the clock",
                BusinessClock.today(clock));
        apply(new ConsultationStarted(command.requestId(), command.party(), command.consulted(), command.startedOn()));
    }

    private void on(ConsultationStarted event) {
        consultationStartedOn = event.startedOn();
        status = RequestStatus.IN_CONSULTATION;
    }

    @CommandHandler
    void handle(RecordConsultationAnswer command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.IN_CONSULTATION, "登记征求意见结果", "record a consultation answer");
        validDate("answeredOn", command.answeredOn(), consultationStartedOn, "征求意见日期", "consultation start",
                BusinessClock.today(clock));
        apply(new ConsultationAnswered(command.requestId(), command.answeredOn()));
    }

    private void on(ConsultationAnswered event) {
        status = RequestStatus.IN_PROGRESS;
    }

    // ---- extension (延期) -----------------------------------------------------------------------

    @CommandHandler
    void handle(ExtendDeadline command, MetaData metaData, Clock clock) {
        Actor actor = actingFor(metaData);
        requireOpen();
        if (!actor.has(Role.REVIEWER) && !actor.has(Role.HEAD)) {
            throw Rules.reviewerRequired("延长答复期限", "an extension");
        }
        if (extended) {
            throw Rules.extensionOnlyOnce();
        }
        if (command.workingDays() < 1 || command.workingDays() > MAX_EXTENSION_WORKING_DAYS) {
            throw Rules.extensionTooLong(command.workingDays());
        }
        requireReason(command.reason(), "延长答复期限", "an extension");
        validDate("extendedOn", command.extendedOn(), receivedOn, "收到申请日期", "receipt date",
                BusinessClock.today(clock));
        apply(new DeadlineExtended(command.requestId(), command.workingDays(), command.reason(),
                actor.username(), command.extendedOn()));
    }

    private void on(DeadlineExtended event) {
        extended = true;
        extendedOn = event.extendedOn();
    }

    // ---- fees (信息处理费) -----------------------------------------------------------------------

    @CommandHandler
    void handle(IssueFeeNotice command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.IN_PROGRESS, "发出收费通知", "issue a fee notice");
        if (feeNoticeIssued) {
            throw Rules.feeNoticeOnlyOnce();
        }
        validDate("issuedOn", command.issuedOn(), clockStart(), "计时起算日", "start of the clock",
                BusinessClock.today(clock));
        if (!command.payableBy().isAfter(command.issuedOn())) {
            throw DateRules.dateBefore("payableBy", command.payableBy(), "收费通知日期之后", "day after the notice",
                    command.issuedOn().plusDays(1));
        }
        long amount;
        if (command.method() == FeeMethod.ENTERED) {
            requireReason(command.reason(), "人工核定收费金额", "an entered amount");
            if (command.enteredAmountFen() == null) {
                throw Rules.enteredAmountRequired();
            }
            amount = command.enteredAmountFen();
        } else {
            if (command.quantity() < 1) {
                throw Rules.quantityRequired();
            }
            amount = FeeSchedule.amountFen(command.method(), command.quantity());
        }
        if (amount <= 0) {
            throw Rules.nothingToCharge();
        }
        apply(new FeeNoticeIssued(command.requestId(), command.method(), command.quantity(), amount,
                command.reason(), command.issuedOn(), command.payableBy()));
    }

    private void on(FeeNoticeIssued event) {
        feeNoticeIssued = true;
        feeDueFen = event.amountFen();
        feeIssuedOn = event.issuedOn();
        feePayableBy = event.payableBy();
        status = RequestStatus.AWAITING_FEE;
    }

    @CommandHandler
    void handle(RecordFeePayment command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.AWAITING_FEE, "登记缴费", "record a payment");
        validDate("paidOn", command.paidOn(), feeIssuedOn, "收费通知日期", "fee notice", BusinessClock.today(clock));
        if (command.amountFen() != feeDueFen) {
            throw Rules.feeAmountMismatch(feeDueFen, command.amountFen());
        }
        apply(new FeePaid(command.requestId(), command.amountFen(), command.paidOn()));
    }

    private void on(FeePaid event) {
        status = RequestStatus.IN_PROGRESS;
    }

    @CommandHandler
    void handle(WaiveFee command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.AWAITING_FEE, "减免费用", "waive the fee");
        requireReason(command.reason(), "减免费用", "a waiver");
        validDate("waivedOn", command.waivedOn(), feeIssuedOn, "收费通知日期", "fee notice", BusinessClock.today(clock));
        apply(new FeeWaived(command.requestId(), command.reason(), command.waivedOn()));
    }

    private void on(FeeWaived event) {
        status = RequestStatus.IN_PROGRESS;
    }

    // ---- answer: draft, review (编审分离), issue ------------------------------------------------------

    @CommandHandler
    void handle(DraftAnswer command, MetaData metaData, Clock clock) {
        Actor actor = actingFor(metaData);
        requireStatus(RequestStatus.IN_PROGRESS, "起草答复", "draft an answer");
        if (!command.outcome().isAnswerOutcome()) {
            throw Rules.notAnAnswerOutcome("outcome", command.outcome());
        }
        validDate("draftedOn", command.draftedOn(), clockStart(), "计时起算日", "start of the clock",
                BusinessClock.today(clock));
        apply(new AnswerDrafted(command.requestId(), draftNumber + 1, command.outcome(), command.legalBasis(),
                command.text(), actor.username(), command.draftedOn()));
    }

    private void on(AnswerDrafted event) {
        draftNumber = event.draftNumber();
        drafter = event.draftedBy();
        draftOutcome = event.outcome();
        draftedOn = event.draftedOn();
        status = RequestStatus.ANSWER_DRAFTED;
    }

    @CommandHandler
    void handle(ApproveAnswer command, MetaData metaData, Clock clock) {
        Actor actor = reviewerOfDraft(metaData, "审核答复", "approving an answer");
        validDate("approvedOn", command.approvedOn(), draftedOn, "起草日期", "draft", BusinessClock.today(clock));
        apply(new AnswerApproved(command.requestId(), draftNumber, actor.username(), command.approvedOn()));
    }

    private void on(AnswerApproved event) {
        approver = event.approvedBy();
        approvedOn = event.approvedOn();
        status = RequestStatus.ANSWER_APPROVED;
    }

    @CommandHandler
    void handle(ReturnAnswer command, MetaData metaData, Clock clock) {
        Actor actor = reviewerOfDraft(metaData, "退回答复", "returning an answer");
        requireReason(command.reason(), "退回答复", "returning a draft");
        validDate("returnedOn", command.returnedOn(), draftedOn, "起草日期", "draft", BusinessClock.today(clock));
        apply(new AnswerReturned(command.requestId(), draftNumber, command.reason(), actor.username(),
                command.returnedOn()));
    }

    private void on(AnswerReturned event) {
        drafter = null;
        approver = null;
        draftOutcome = null;
        status = RequestStatus.IN_PROGRESS;
    }

    @CommandHandler
    void handle(IssueAnswer command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireStatus(RequestStatus.ANSWER_APPROVED, "答复申请人", "issue the answer");
        validDate("answeredOn", command.answeredOn(), approvedOn, "审核日期", "approval", BusinessClock.today(clock));
        apply(new RequestAnswered(command.requestId(), draftNumber, draftOutcome, command.answeredOn()));
    }

    // ---- concluded without an answer on the merits --------------------------------------------------

    @CommandHandler
    void handle(WithdrawRequest command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireOpen();
        validDate("withdrawnOn", command.withdrawnOn(), receivedOn, "收到申请日期", "receipt date",
                BusinessClock.today(clock));
        apply(new RequestWithdrawn(command.requestId(), command.reason(), command.withdrawnOn()));
    }

    @CommandHandler
    void handle(LapseRequest command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        requireOpen();
        LocalDate today = BusinessClock.today(clock);
        notInFuture("concludedOn", command.concludedOn(), today);
        if (command.cause() == LapseCause.CORRECTION_NOT_SUBMITTED) {
            requireStatus(RequestStatus.AWAITING_CORRECTION, "按逾期不补正终止", "lapse for a missing correction");
            if (!command.concludedOn().isAfter(correctionDueOn)) {
                throw Rules.correctionNotOverdue(correctionDueOn);
            }
        } else {
            requireStatus(RequestStatus.AWAITING_FEE, "按逾期未缴费终止", "lapse for an unpaid fee");
            if (!command.concludedOn().isAfter(feePayableBy)) {
                throw Rules.feeNotOverdue(feePayableBy);
            }
        }
        apply(new RequestLapsed(command.requestId(), command.cause().outcome(), command.concludedOn()));
    }

    private void on(RequestConcluded event) {
        lapsed = event instanceof RequestLapsed;
        concludedByAnswer = event instanceof RequestAnswered;
        outcome = event.outcome();
        concludedOutcome = event.outcome();
        concludedOn = event.concludedOn();
        status = RequestStatus.CONCLUDED;
    }

    // ---- year end ---------------------------------------------------------------------------------

    @CommandHandler
    void handle(CarryForward command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        if (!BusinessClock.today(clock).isAfter(LocalDate.of(command.fromYear(), 12, 31))) {
            throw Rules.notYetEnded(command.fromYear());
        }
        if (YearEnd.openAtEndOf(command.fromYear(), receivedOn, concludedOn)
                && !carriedForwardFrom.contains(command.fromYear())) {
            apply(new RequestCarriedForward(command.requestId(), command.fromYear(), command.fromYear() + 1));
        }
    }

    private void on(RequestCarriedForward event) {
        carriedForwardFrom.add(event.fromYear());
    }

    // ---- corrections after the fact (compensating events) ----------------------------------------

    @CommandHandler
    void handle(CorrectOutcome command, MetaData metaData, Clock clock) {
        Actor actor = reviewerOtherThanTheAnswers(metaData, "更正办理结果", "correcting an outcome");
        if (outcome == null) {
            throw Rules.notConcluded("更正办理结果", "correct its outcome");
        }
        if (command.correctedOutcome() == outcome) {
            throw Rules.sameOutcome(outcome);
        }
        if (!command.correctedOutcome().isAnswerOutcome() && !lapsed) {
            throw Rules.notAnAnswerOutcome("correctedOutcome", command.correctedOutcome());
        }
        requireReason(command.reason(), "更正办理结果", "an outcome correction");
        validDate("correctedOn", command.correctedOn(), concludedOn, "办结日期", "conclusion",
                BusinessClock.today(clock));
        apply(new OutcomeCorrected(command.requestId(), outcome, command.correctedOutcome(), command.reason(),
                actor.username(), command.correctedOn()));
    }

    private void on(OutcomeCorrected event) {
        outcome = event.correctedOutcome();
    }

    @CommandHandler
    void handle(CorrectApplicantCategory command, MetaData metaData, Clock clock) {
        Actor actor = reviewerOtherThanTheAnswers(metaData, "更正申请人类别", "correcting the applicant category");
        if (command.correctedCategory() == category) {
            throw Rules.sameCategory();
        }
        requireReason(command.reason(), "更正申请人类别", "a category correction");
        validDate("correctedOn", command.correctedOn(), receivedOn, "收到申请日期", "receipt date",
                BusinessClock.today(clock));
        apply(new ApplicantCategoryCorrected(command.requestId(), category, command.correctedCategory(),
                command.reason(), actor.username(), command.correctedOn()));
    }

    private void on(ApplicantCategoryCorrected event) {
        category = event.correctedCategory();
    }

    // ---- archive (归档) ----------------------------------------------------------------------------

    @CommandHandler
    void handle(ArchiveRequest command, MetaData metaData, Clock clock) {
        actingFor(metaData);
        if (status == RequestStatus.ARCHIVED) {
            throw Rules.wrongStatus(status, "再次归档", "archive again");
        }
        if (status != RequestStatus.CONCLUDED) {
            throw Rules.notConcluded("归档", "archive it");
        }
        validDate("archivedOn", command.archivedOn(), concludedOn, "办结日期", "conclusion",
                BusinessClock.today(clock));
        apply(new RequestArchived(command.requestId(), command.archivedOn()));
    }

    private void on(RequestArchived event) {
        status = RequestStatus.ARCHIVED;
    }

    // ---- written notices (书面告知) ----------------------------------------------------------------

    /**
     * A rendered notice is recorded as issued. Each notice follows the step it tells of; the answer
     * letter goes out with the answer (so the application is concluded by then, in the same
     * transaction) and states exactly the approved draft's outcome, whose legal basis it quotes.
     */
    @CommandHandler
    void handle(IssueNotice command, MetaData metaData, Clock clock) {
        Actor actor = actingFor(metaData);
        LocalDate earliest = switch (command.kind()) {
            case ACKNOWLEDGEMENT -> receivedOn;
            case CORRECTION_NOTICE -> requireStep(correctionRequestedOn, "告知补正", "a correction request",
                    command);
            case EXTENSION_NOTICE -> requireStep(extendedOn, "延长答复期限", "an extension", command);
            case CONSULTATION_LETTER -> requireStep(consultationStartedOn, "征求意见", "a consultation", command);
            case FEE_NOTICE -> requireStep(feeIssuedOn, "发出收费通知", "a fee notice", command);
            case ANSWER -> answerLetter(command);
        };
        LocalDate today = BusinessClock.today(clock);
        notInFuture("issuedOn", command.issuedOn(), today);
        if (command.issuedOn().isBefore(earliest)) {
            throw DateRules.dateBefore("issuedOn", command.issuedOn(), "所告知步骤的日期", "step it tells of", earliest);
        }
        apply(new NoticeIssued(command.requestId(), command.noticeId(), command.kind(),
                command.kind() == NoticeKind.ANSWER ? command.outcome() : null,
                command.documentNumber(), command.templateVersion(), command.letterheadVersion(),
                command.sha256Docx(), command.sha256Pdf(), actor.username(), command.issuedOn()));
    }

    private LocalDate requireStep(LocalDate stepOn, String stepZh, String stepEn, IssueNotice command) {
        if (stepOn == null) {
            throw Rules.noticeNeedsItsStep(command.kind().label(), stepZh, command.kind().name(), stepEn);
        }
        return stepOn;
    }

    private LocalDate answerLetter(IssueNotice command) {
        if (concludedOn == null) {
            throw Rules.answerLetterWithTheAnswer();
        }
        Outcome stated = concludedByAnswer ? draftOutcome : concludedOutcome;
        if (command.outcome() != stated) {
            throw Rules.answerLetterMatchesApprovedDraft(stated, command.outcome());
        }
        if (answerLetterNumber != null) {
            throw Rules.answerLetterOnlyOnce(answerLetterNumber);
        }
        return concludedOn;
    }

    private void on(NoticeIssued event) {
        notices.put(event.noticeId(), new IssuedNotice(event.issuedOn(), null));
        if (event.kind() == NoticeKind.ANSWER) {
            answerLetterNumber = event.documentNumber();
        }
    }

    @CommandHandler
    void handle(DeliverNotice command, MetaData metaData, Clock clock) {
        Actor actor = actingFor(metaData);
        IssuedNotice notice = notices.get(command.noticeId());
        if (notice == null) {
            throw Rules.unknownNotice();
        }
        if (notice.deliveredOn() != null) {
            throw Rules.noticeDeliveredOnlyOnce(notice.deliveredOn());
        }
        if (command.method() == DeliveryMethod.POST
                && (command.trackingNumber() == null || command.trackingNumber().isBlank())) {
            throw Rules.trackingNumberForPost();
        }
        notInFuture("deliveredOn", command.deliveredOn(), BusinessClock.today(clock));
        if (command.deliveredOn().isBefore(notice.issuedOn())) {
            throw DateRules.dateBefore("deliveredOn", command.deliveredOn(), "出具日期", "issue date",
                    notice.issuedOn());
        }
        apply(new NoticeDelivered(command.requestId(), command.noticeId(), command.method(), command.deliveredOn(),
                command.method() == DeliveryMethod.POST ? command.trackingNumber().strip() : null,
                actor.username()));
    }

    private void on(NoticeDelivered event) {
        notices.computeIfPresent(event.noticeId(), (id, notice) -> new IssuedNotice(notice.issuedOn(),
                event.deliveredOn()));
    }

    // ---- personal data erasure (个人信息删除) ---------------------------------------------------------

    /**
     * Erases the applicant's personal data once the retention period after the conclusion has
     * passed. The key that protects it is destroyed by {@code erasure.KeyErasure} in this command's
     * transaction; here only the rules and the event.
     */
    @CommandHandler
    void handle(ErasePersonalData command, MetaData metaData, Clock clock, PersonalDataRetention retention,
                ApplicantMatches matches) {
        Actor actor = actingFor(metaData);
        if (!actor.has(Role.ADMIN)) {
            throw Rules.administratorErases();
        }
        if (concludedOn == null) {
            throw Rules.notConcluded("删除申请人个人信息", "erase the applicant's personal data");
        }
        if (personalDataErasedOn != null) {
            throw Rules.personalDataErasedOnlyOnce(personalDataErasedOn);
        }
        requireReason(command.reason(), "删除申请人个人信息", "an erasure of personal data");
        LocalDate today = BusinessClock.today(clock);
        LocalDate erasedOn = command.erasedOn() != null ? command.erasedOn() : today;
        validDate("erasedOn", erasedOn, concludedOn, "办结日期", "conclusion", today);
        LocalDate keptUntil = concludedOn.plus(retention.retention());
        if (erasedOn.isBefore(keptUntil)) {
            throw Rules.retentionNotOver(retention.retention(), concludedOn, keptUntil);
        }
        // the keyed hash of the ID number goes with the data (it would still link the applicant's applications)
        matches.forget(command.requestId());
        apply(new ApplicantDataErased(command.requestId(), command.reason(), erasedOn));
    }

    private void on(ApplicantDataErased event) {
        personalDataErasedOn = event.erasedOn();
    }

    /**
     * The one entry for rebuilding state: each event goes to its own {@code on} method, and every
     * step but the year-end carry-forward and the letters becomes the latest activity that later steps may not precede.
     */
    @EventSourcingHandler
    void on(RequestEvent event) {
        switch (event) {
            case RequestReceived e -> on(e);
            case CorrectionRequested e -> on(e);
            case CorrectionReceived e -> on(e);
            case ConsultationStarted e -> on(e);
            case ConsultationAnswered e -> on(e);
            case DeadlineExtended e -> on(e);
            case FeeNoticeIssued e -> on(e);
            case FeePaid e -> on(e);
            case FeeWaived e -> on(e);
            case AnswerDrafted e -> on(e);
            case AnswerReturned e -> on(e);
            case AnswerApproved e -> on(e);
            case RequestConcluded e -> on(e);
            case RequestCarriedForward e -> on(e);
            case OutcomeCorrected e -> on(e);
            case ApplicantCategoryCorrected e -> on(e);
            case RequestArchived e -> on(e);
            case ApplicantDataErased e -> on(e);
            case NoticeIssued e -> on(e);
            case NoticeDelivered e -> on(e);
        }
        // letters tell of steps, they are not steps: later steps may be dated before a letter went out
        if (!(event instanceof RequestCarriedForward) && !(event instanceof NoticeIssued)
                && !(event instanceof NoticeDelivered)) {
            lastStepOn = event.businessDate();
        }
    }

    // ---- shared checks ------------------------------------------------------------------------------

    /** The acting user; one of another agency is told there is no such application. */
    private Actor actingFor(MetaData metaData) {
        Actor actor = Actor.from(metaData);
        if (!agencyId.equals(actor.agencyId())) {
            throw new NotFound("application " + requestId);
        }
        return actor;
    }

    private Actor reviewer(MetaData metaData, String actionZh, String actionEn) {
        Actor actor = actingFor(metaData);
        if (!actor.has(Role.REVIEWER) && !actor.has(Role.HEAD)) {
            throw Rules.reviewerRequired(actionZh, actionEn);
        }
        return actor;
    }

    private Actor reviewerOfDraft(MetaData metaData, String actionZh, String actionEn) {
        Actor actor = reviewer(metaData, actionZh, actionEn);
        if (status != RequestStatus.ANSWER_DRAFTED) {
            if (!status.isOpen()) {
                throw Rules.alreadyConcluded(concludedOn);
            }
            throw Rules.noPendingDraft();
        }
        if (actor.username().equals(drafter)) {
            throw Rules.reviewerIsDrafter();
        }
        return actor;
    }

    /**
     * A correction after the fact is a review of the answer, so it follows 编审分离 too: neither who
     * drafted the answer (or the draft under way) nor who approved it may correct it. An application
     * concluded without an answer (withdrawn, lapsed) has neither, and any reviewer may.
     */
    private Actor reviewerOtherThanTheAnswers(MetaData metaData, String actionZh, String actionEn) {
        Actor actor = reviewer(metaData, actionZh, actionEn);
        boolean answered = concludedByAnswer;
        boolean draftUnderWay = status == RequestStatus.ANSWER_DRAFTED || status == RequestStatus.ANSWER_APPROVED;
        if (answered || draftUnderWay) {
            if (actor.username().equals(drafter)) {
                throw Rules.correctorIsDrafterOrApprover(actionZh, actionEn, "起草人", "drafted");
            }
            if (actor.username().equals(approver)) {
                throw Rules.correctorIsDrafterOrApprover(actionZh, actionEn, "审核人", "approved");
            }
        }
        return actor;
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw Rules.alreadyConcluded(concludedOn);
        }
    }

    private void requireStatus(RequestStatus required, String actionZh, String actionEn) {
        requireOpen();
        if (status != required) {
            throw Rules.wrongStatus(status, actionZh, actionEn);
        }
    }

    /** The day the answer period runs from: receipt, or the corrected application's arrival. */
    private LocalDate clockStart() {
        return correctionReceivedOn != null ? correctionReceivedOn : receivedOn;
    }

    private void validDate(String field, LocalDate date, LocalDate earliest, String earliestZh,
                           String earliestEn, LocalDate today) {
        notInFuture(field, date, today);
        if (date.isBefore(earliest)) {
            throw DateRules.dateBefore(field, date, earliestZh, earliestEn, earliest);
        }
        if (lastStepOn != null && date.isBefore(lastStepOn)) {
            throw DateRules.dateBefore(field, date, "本申请上一步骤的日期", "previous step", lastStepOn);
        }
    }

    private static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw DateRules.dateInFuture(field, date, today);
        }
    }

    private static void requireReason(String reason, String actionZh, String actionEn) {
        if (reason == null || reason.isBlank()) {
            throw Rules.reasonRequired(actionZh, actionEn);
        }
    }
}
