package cn.gongkai.ledger.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error} for a browser (it asks for {@code text/html}): what the servlet container sends there (a
 * path no page has, a request refused before any controller) shown as the Chinese error page. Every other
 * caller keeps platform's JSON answer at the same path.
 */
@Controller
class ErrorPages {

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        return switch (status) {
            case FORBIDDEN -> page(status, "无权访问", "您的角色不能执行此操作。");
            case NOT_FOUND -> page(status, "未找到", "您要找的页面不存在。");
            case UNAUTHORIZED -> page(status, "请先登录", "请登录后再访问此页面。");
            default -> status.is5xxServerError()
                    ? page(HttpStatus.INTERNAL_SERVER_ERROR, "系统出错", "处理时出现错误，请稍后重试。")
                    : page(status, "请求无法处理", "请求无法处理（" + status.value() + "）。");
        };
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("errorTitle", title);
        page.addObject("errorMessage", message);
        return page;
    }
}
