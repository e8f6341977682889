package cn.gongkai.ledger.requests.write.receive;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Channel;
import cn.gongkai.ledger.requests.DeliveryForm;
import cn.gongkai.ledger.requests.web.FormProblems;
import cn.gongkai.ledger.requests.write.receive.ReceiveRequestEndpoint.ReceiveBody;
import cn.gongkai.ledger.requests.write.receive.ReceiveRequestEndpoint.Registered;
import cn.gongkai.ledger.web.PageController;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 登记 ({@code GET/POST /requests/new}): the register's form. It binds the API's own body
 * ({@link ReceiveBody}, with its validation) and registers through the API's own method
 * ({@link ReceiveRequestEndpoint#receive}), so idempotency (the form's hidden {@code requestId}: a second
 * click registers nothing new), the rules and the registration number are one path. A refusal shows the form
 * again, each problem next to its field, everything typed kept. On success the application's page shows the
 * registration number and the due date, and a warning (never a block) when the agency already has
 * applications with the same applicant ID number ({@link ApplicantMatches}).
 */
@PageController
class RegisterPage {

    private final ReceiveRequestEndpoint endpoint;
    private final ApplicantMatches applicantMatches;
    private final CurrentActor currentActor;
    private final Clock clock;

    RegisterPage(ReceiveRequestEndpoint endpoint, ApplicantMatches applicantMatches, CurrentActor currentActor,
                 Clock clock) {
        this.endpoint = endpoint;
        this.applicantMatches = applicantMatches;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/requests/new")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView form() {
        return form(UUID.randomUUID(), FormProblems.none());
    }

    @PostMapping("/requests/new")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView register(@Valid ReceiveBody body, BindingResult binding, RedirectAttributes flash) {
        UUID requestId = body == null || body.requestId() == null ? UUID.randomUUID() : body.requestId();
        if (binding.hasErrors()) {
            return form(requestId, FormProblems.of(binding));
        }
        Registered registered;
        try {
            registered = endpoint.receive(null, body).getBody();
        } catch (RuntimeException refused) {
            FormProblems problems = FormProblems.of(refused);
            if (problems == null) {
                throw refused;
            }
            return form(requestId, problems);
        }
        flash.addFlashAttribute("registered", registered.registrationNumber());
        flash.addFlashAttribute("repeats", applicantMatches.earlier(currentActor.current().agencyId(),
                body.applicant() == null ? null : body.applicant().idNumber(), registered.requestId()));
        return new ModelAndView("redirect:/requests/" + registered.requestId());
    }

    private ModelAndView form(UUID requestId, FormProblems problems) {
        ModelAndView page = new ModelAndView("requests/register");
        page.addObject("requestId", requestId);
        page.addObject("problems", problems);
        page.addObject("channels", Channel.values());
        page.addObject("categories", ApplicantCategory.values());
        page.addObject("deliveryForms", DeliveryForm.values());
        page.addObject("today", BusinessClock.today(clock));
        if (problems.any()) {
            page.setStatus(problems.status());
        }
        return page;
    }
}
