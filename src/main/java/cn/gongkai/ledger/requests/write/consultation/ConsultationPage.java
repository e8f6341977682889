package cn.gongkai.ledger.requests.write.consultation;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.consultation.ConsultationEndpoint.AnswerBody;
import cn.gongkai.ledger.requests.write.consultation.ConsultationEndpoint.StartBody;
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

/** The application page's 征求意见 forms: the API's bodies and commands ({@link ConsultationEndpoint}). */
@PageController
@RequestMapping("/requests/{requestId}")
class ConsultationPage {

    private final ApplicationPage page;

    ConsultationPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/consultation")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView start(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid StartBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.CONSULTATION, binding, flash, "已开始征求意见，期限暂停计算",
                () -> new StartConsultation(requestId, version, body.party(), body.consulted(), body.startedOn()));
    }

    @PostMapping("/consultation/answer")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView answered(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                          @Valid AnswerBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.CONSULTATION_ANSWER, binding, flash, "已收到意见，期限恢复计算",
                () -> new RecordConsultationAnswer(requestId, version, body.answeredOn()));
    }
}
