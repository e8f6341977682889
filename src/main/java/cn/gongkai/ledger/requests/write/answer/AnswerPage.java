package cn.gongkai.ledger.requests.write.answer;

import cn.gongkai.ledger.requests.web.ApplicationPage;
import cn.gongkai.ledger.requests.web.ApplicationPage.Action;
import cn.gongkai.ledger.requests.write.answer.AnswerEndpoint.AnswerBody;
import cn.gongkai.ledger.requests.write.answer.AnswerEndpoint.ApprovalBody;
import cn.gongkai.ledger.requests.write.answer.AnswerEndpoint.DraftBody;
import cn.gongkai.ledger.requests.write.answer.AnswerEndpoint.ReturnBody;
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

/**
 * The application page's 答复 forms: draft, approve or return (编审分离: the server refuses the drafter),
 * give the answer. The API's bodies and commands ({@link AnswerEndpoint}), the same roles.
 */
@PageController
@RequestMapping("/requests/{requestId}")
class AnswerPage {

    private final ApplicationPage page;

    AnswerPage(ApplicationPage page) {
        this.page = page;
    }

    @PostMapping("/answer-draft")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView draft(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                       @Valid DraftBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.ANSWER_DRAFT, binding, flash, "答复稿已提交审核", () -> new DraftAnswer(
                requestId, version, body.outcome(), body.legalBasis(), body.text(), body.draftedOn()));
    }

    @PostMapping("/answer-draft/approval")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView approve(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                         @Valid ApprovalBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.APPROVAL, binding, flash, "答复稿已审核通过",
                () -> new ApproveAnswer(requestId, version, body.approvedOn()));
    }

    @PostMapping("/answer-draft/return")
    @PreAuthorize("hasAnyRole('REVIEWER','HEAD')")
    ModelAndView giveBack(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                          @Valid ReturnBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.RETURN, binding, flash, "答复稿已退回",
                () -> new ReturnAnswer(requestId, version, body.reason(), body.returnedOn()));
    }

    @PostMapping("/answer")
    @PreAuthorize("hasRole('HANDLER')")
    ModelAndView answer(@PathVariable UUID requestId, @RequestParam(required = false) Long version,
                        @Valid AnswerBody body, BindingResult binding, RedirectAttributes flash) {
        return page.send(requestId, Action.ANSWER, binding, flash, "已答复申请人",
                () -> new IssueAnswer(requestId, version, body.answeredOn()));
    }
}
