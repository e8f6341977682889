package cn.gongkai.ledger.requests.write.conclusion;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.conclusion.ConclusionEndpoint.LapseBody;
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

/** The application page's 逾期未补正/未缴费 form: the API's body and command ({@link ConclusionEndpoint}). */
@PageController
@RequestMapping("/requests/{requestId}")
class LapsePage {

    private final ApplicationPage page;

    LapsePage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/lapse")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView lapse(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid LapseBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.LAPSE, binding, flash, "已终止办理，已办结",
                () -> new LapseRequest(requestId, version, body.cause(), body.concludedOn()));
    }
}
