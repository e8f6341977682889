package cn.gongkai.ledger.requests.write.extension;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.extension.ExtensionEndpoint.ExtensionBody;
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

/** The application page's 延期 form: the API's body and command ({@link ExtensionEndpoint}). */
@PageController
class ExtensionPage {

    private final ApplicationPage page;

    ExtensionPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/requests/{requestId}/extension")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView extend(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                        @Valid ExtensionBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.EXTENSION, binding, flash, "已延长答复期限", () -> new ExtendDeadline(
                requestId, version, body.workingDays(), body.reason(), body.extendedOn()));
    }
}
