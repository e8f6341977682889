package cn.gongkai.ledger.requests.write.fee;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.fee.FeeEndpoint.NoticeBody;
import cn.gongkai.ledger.requests.write.fee.FeeEndpoint.PaymentBody;
import cn.gongkai.ledger.requests.write.fee.FeeEndpoint.WaiverBody;
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

/** The application page's 信息处理费 forms: the API's bodies and commands ({@link FeeEndpoint}). */
@PageController
@RequestMapping("/requests/{requestId}")
class FeePage {

    private final ApplicationPage page;

    FeePage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/fee-notice")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView issue(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid NoticeBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.FEE_NOTICE, binding, flash, "已发出收费通知，缴费期间答复期限中止",
                () -> new IssueFeeNotice(requestId, version, body.method(),
                        body.quantity() == null ? 0 : body.quantity(), body.amountFen(), body.reason(),
                        body.issuedOn(), body.payableBy()));
    }

    @PostMapping("/fee-payment")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView pay(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                     @Valid PaymentBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.FEE_PAYMENT, binding, flash, "已登记缴费，答复期限继续计算",
                () -> new RecordFeePayment(requestId, version, body.amountFen(), body.paidOn()));
    }

    @PostMapping("/fee-waiver")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView waive(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid WaiverBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.FEE_WAIVER, binding, flash, "已免收信息处理费，答复期限继续计算",
                () -> new WaiveFee(requestId, version, body.reason(), body.waivedOn()));
    }
}
