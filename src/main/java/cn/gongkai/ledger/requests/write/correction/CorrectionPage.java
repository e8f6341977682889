package cn.gongkai.ledger.requests.write.correction;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.correction.CorrectionEndpoint.CorrectionRequestBody;
import cn.gongkai.ledger.requests.write.correction.CorrectionEndpoint.ReceiptBody;
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

/** The application page's 补正 forms: the API's bodies and commands ({@link CorrectionEndpoint}). */
@PageController
@RequestMapping("/requests/{requestId}")
class CorrectionPage {

    private final ApplicationPage page;

    CorrectionPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/correction-request")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView request(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                         @Valid CorrectionRequestBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.CORRECTION_REQUEST, binding, flash, "已告知补正",
                () -> new RequestCorrection(requestId, version, body.whatIsUnclear(), body.requestedOn(),
                        body.correctionDueOn()));
    }

    @PostMapping("/correction-receipt")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView receipt(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                         @Valid ReceiptBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.CORRECTION_RECEIPT, binding, flash, "已收到补正，答复期限重新计算",
                () -> new ReceiveCorrection(requestId, version, body.receivedOn()));
    }
}
