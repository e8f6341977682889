package cn.gongkai.ledger.requests.write.conclusion;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.conclusion.ConclusionEndpoint.LapseBody;
import cn.gongkai.ledger.requests.write.conclusion.ConclusionEndpoint.WithdrawalBody;
import cn.gongkai.ledger.web.PageController;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The application page's 撤回 and 逾期未补正/未缴费 forms: the API's bodies and commands ({@link ConclusionEndpoint}). */
@PageController
class WithdrawalPage {

    private final ApplicationPage page;

    WithdrawalPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/requests/{requestId}/withdrawal")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView withdraw(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                          @Valid WithdrawalBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.WITHDRAWAL, binding, flash, "申请人已撤回申请，已办结",
                () -> new WithdrawRequest(requestId, version, body.reason(), body.withdrawnOn()));
    }

    @PostMapping("/requests/{requestId}/lapse")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView lapse(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid LapseBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.LAPSE, binding, flash, "已终止办理，已办结",
                () -> new LapseRequest(requestId, version, body.cause(), body.concludedOn()));
    }
}
