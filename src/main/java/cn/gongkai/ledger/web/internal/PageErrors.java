package cn.gongkai.ledger.web.internal;

import cn.gongkai.ledger.access.AgencyDirectory;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.NotFound;
import cn.gongkai.ledger.web.PageController;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails is answered with the Chinese error page (templates/error.html), never a stack trace:
 * 404 for what does not exist, including another agency's application (ADR 0005), 403 for what the role
 * may not do, 500 for the rest. Only for page controllers; the API keeps its JSON errors. What never reaches a
 * page controller (a path no page has) is answered by platform's {@code /error}, in JSON with its Chinese
 * message (a form refused by the CSRF check gets the page chain's own short page): one {@code /error}
 * for both would need the browser's {@code Accept} to choose, and {@code Accept: *}{@code /*} would then
 * be ambiguous for API clients.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final AgencyDirectory agencies;

    PageErrors(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class, IncompatibleAggregateException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, "未找到", "您要找的页面或申请不存在，或不属于本机关。");
    }

    /** Input the platform's edge checks refuse before a page runs (a year out of range, a malformed value). */
    @ExceptionHandler(InputRejected.class)
    ModelAndView rejected(InputRejected rejected) {
        String problems = rejected.problems().stream()
                .map(problem -> problem.label() + "：" + problem.messageZh())
                .collect(java.util.stream.Collectors.joining("；"));
        return page(HttpStatus.BAD_REQUEST, "输入有误", problems + "。请返回修改后重试。");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN, "无权访问", "您的角色不能执行此操作。如需办理，请联系本机关管理员。");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        // the exception's message may quote input, personal data among it: its type and origin only
        log.error("page failed: {} at {}", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "系统出错",
                "处理时出现错误，已记录。请稍后重试；如仍出错，请联系系统管理员。");
    }

    private ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorTitle", title);
        page.addObject("errorMessage", message);
        page.addObject("me", PageModel.signedIn(agencies));
        return page;
    }
}
