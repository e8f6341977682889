package cn.gongkai.ledger.requests.write.amendment;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.amendment.AmendmentEndpoint.CategoryBody;
import cn.gongkai.ledger.requests.write.amendment.AmendmentEndpoint.OutcomeBody;
import cn.gongkai.ledger.web.PageController;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The application page's 更正 forms after the fact: the API's bodies and commands ({@link AmendmentEndpoint}). */
@PageController
@RequestMapping("/requests/{requestId}")
class AmendmentPage {

    private final ApplicationPage page;

    AmendmentPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/outcome-correction")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView outcome(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                         @Valid OutcomeBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.OUTCOME_CORRECTION, binding, flash, "已更正办理结果",
                () -> new CorrectOutcome(requestId, version, body.correctedOutcome(), body.reason(),
                        body.correctedOn()));
    }

    @PostMapping("/category-correction")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView category(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                          @Valid CategoryBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.CATEGORY_CORRECTION, binding, flash, "已更正申请人类别",
                () -> new CorrectApplicantCategory(requestId, version, body.correctedCategory(), body.reason(),
                        body.correctedOn()));
    }
}
