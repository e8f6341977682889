package cn.gongkai.ledger.requests.web;

import cn.gongkai.ledger.access.Actor;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.ConsultedParty;
import cn.gongkai.ledger.requests.FeeMethod;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.requests.RequestDeadlineWorkings;
import cn.gongkai.ledger.requests.read.RequestViews;
import cn.gongkai.ledger.requests.read.RequestViews.RequestView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One application's page ({@code /requests/{id}}): its state, due date, the actions the signed-in person's
 * roles allow in its status now, and its history. Each action is a small form posting to the page controller
 * beside its slice (e.g. {@code write/extension/ExtensionPage}), which binds the API's own body record and
 * hands the command to {@link #send}: the same command, through the same gateway, as the API. A refused form
 * shows this page again with the problems next to the fields and the typed values kept.
 */
@Component
public class ApplicationPage {

    /** The actions a page can offer, by the form's key. */
    public enum Action {
        CORRECTION_REQUEST, CORRECTION_RECEIPT, CONSULTATION, CONSULTATION_ANSWER, EXTENSION, ANSWER_DRAFT,
        APPROVAL, RETURN, ANSWER, WITHDRAWAL, FEE_NOTICE, FEE_PAYMENT, FEE_WAIVER, LAPSE, OUTCOME_CORRECTION,
        CATEGORY_CORRECTION
    }

    /** The payment period a fee notice offers by default (国办函〔2020〕109号). */
    static final int FEE_PAYMENT_WORKING_DAYS = 20;

    private final RequestViews views;
    private final CurrentActor currentActor;
    private final CommandGateway commands;
    private final Clock clock;
    private final RequestDeadlineWorkings workings;
    private final CalendarService calendar;

    ApplicationPage(RequestViews views, CurrentActor currentActor, CommandGateway commands, Clock clock,
                    RequestDeadlineWorkings workings, CalendarService calendar) {
        this.views = views;
        this.workings = workings;
        this.calendar = calendar;
        this.currentActor = currentActor;
        this.commands = commands;
        this.clock = clock;
    }

    /** The page as it stands. */
    public ModelAndView show(UUID requestId) {
        return show(requestId, null, FormProblems.none());
    }

    /**
     * Sends the command of a submitted action form, unless its binding was refused; on success back to the
     * page with a note of what was done, otherwise the page again with the problems.
     */
    public ModelAndView send(UUID requestId, Action action, BindingResult binding, RedirectAttributes flash,
                             String done, Supplier<Object> command) {
        if (binding.hasErrors()) {
            return show(requestId, action, FormProblems.of(binding));
        }
        try {
            commands.sendAndWait(command.get());
        } catch (RuntimeException refused) {
            FormProblems problems = FormProblems.of(refused);
            if (problems == null) {
                throw refused;
            }
            return show(requestId, action, problems);
        }
        flash.addFlashAttribute("done", done);
        return new ModelAndView("redirect:/requests/" + requestId);
    }

    private ModelAndView show(UUID requestId, Action failed, FormProblems problems) {
        RequestView view = views.view(requestId);
        Actor me = currentActor.current();
        ModelAndView page = new ModelAndView("requests/application");
        page.addObject("view", view);
        page.addObject("workings", workings.of(requestId, me.agencyId()).orElse(null));
        page.addObject("actions", allowed(view, me).stream().map(Enum::name).toList());
        page.addObject("failedAction", failed == null ? null : failed.name());
        page.addObject("problems", problems);
        LocalDate today = BusinessClock.today(clock);
        page.addObject("today", today);
        // 国办函〔2020〕109号: the applicant pays within 20 working days of the notice
        page.addObject("feePayableBy", calendar.addWorkingDays(today, FEE_PAYMENT_WORKING_DAYS).dueOn());
        page.addObject("answerOutcomes", Arrays.stream(Outcome.values()).filter(Outcome::isAnswerOutcome).toList());
        page.addObject("parties", ConsultedParty.values());
        page.addObject("feeMethods", FeeMethod.values());
        page.addObject("feeDue", view.feeAmountFen() == null ? null : yuan(view.feeAmountFen()));
        page.addObject("feePaid", yuan(view.feePaidFen()));
        page.addObject("correctedOutcomes", view.outcome() == null || view.outcome().isAnswerOutcome()
                ? Arrays.stream(Outcome.values()).filter(Outcome::isAnswerOutcome).toList()
                : Arrays.asList(Outcome.values()));
        page.addObject("categories", ApplicantCategory.values());
        page.addObject("ownDraft", view.draft() != null && me.username().equals(view.draft().draftedBy()));
        page.addObject("history", view.history().reversed());
        if (problems.any()) {
            page.setStatus(problems.status());
        }
        return page;
    }

    /** An amount in 分 as the page shows it, exactly: ¥1234.50. */
    static String yuan(long fen) {
        return "¥" + BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * What the actor may do now: the roles the API's endpoints require, in the statuses the aggregate accepts
     * the command in. The server decides again on every command; this only keeps buttons that would be
     * refused off the page (no approve button on one's own draft).
     */
    static Set<Action> allowed(RequestView view, Actor me) {
        Set<Action> actions = new LinkedHashSet<>();
        RequestStatus status = view.status();
        boolean handler = me.has(Role.HANDLER);
        boolean reviewer = me.has(Role.REVIEWER) || me.has(Role.HEAD);
        if (!status.isOpen()) {
            // 编审分离: whoever drafted the answer does not correct it (nor its approver, whom the server knows)
            boolean ownAnswer = view.draft() != null && me.username().equals(view.draft().draftedBy());
            if (reviewer && !ownAnswer) {
                if (view.outcome() != null) {
                    actions.add(Action.OUTCOME_CORRECTION);
                }
                actions.add(Action.CATEGORY_CORRECTION);
            }
            return actions;
        }
        if (handler) {
            switch (status) {
                case IN_PROGRESS -> {
                    if (view.correctionDueOn() == null) {
                        actions.add(Action.CORRECTION_REQUEST);
                    }
                    actions.add(Action.CONSULTATION);
                    if (view.feeAmountFen() == null) {
                        actions.add(Action.FEE_NOTICE);
                    }
                    actions.add(Action.ANSWER_DRAFT);
                }
                case AWAITING_CORRECTION -> {
                    actions.add(Action.CORRECTION_RECEIPT);
                    actions.add(Action.LAPSE);
                }
                case AWAITING_FEE -> {
                    actions.add(Action.FEE_PAYMENT);
                    actions.add(Action.LAPSE);
                }
                case IN_CONSULTATION -> actions.add(Action.CONSULTATION_ANSWER);
                case ANSWER_APPROVED -> actions.add(Action.ANSWER);
                default -> { }
            }
        }
        if (reviewer) {
            if (view.extensionWorkingDays() == 0) {
                actions.add(Action.EXTENSION);
            }
            if (status == RequestStatus.AWAITING_FEE) {
                actions.add(Action.FEE_WAIVER);
            }
            if (status == RequestStatus.ANSWER_DRAFTED && view.draft() != null
                    && !me.username().equals(view.draft().draftedBy())) {
                actions.add(Action.APPROVAL);
                actions.add(Action.RETURN);
            }
        }
        if (handler) {
            actions.add(Action.WITHDRAWAL);
        }
        return actions;
    }
}
