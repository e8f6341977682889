package cn.gongkai.ledger.platform;

import cn.gongkai.ledger.platform.ApiErrorHandler.ApiError;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what never reached an endpoint (a request
 * Tomcat or the security firewall refused, an exception outside Spring MVC), answered with the
 * documented error body instead of Spring's default JSON. Asked for directly, it is a page that does
 * not exist: 404, never a 500.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer status)) {
            return ApiErrorHandler.error(HttpStatus.NOT_FOUND, null, "未找到", "not found", List.of());
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known.is5xxServerError()) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (failure instanceof Throwable thrown && DatabaseUnavailable.causes(thrown)) {
                log.warn("the database is unavailable: {}", thrown.getClass().getName());
                return ApiErrorHandler.databaseUnavailable();
            }
            // the failure's message may quote input: its type only
            log.error("failure outside the endpoints: status {} {}", status,
                    failure == null ? "" : failure.getClass().getName());
            return ApiErrorHandler.error(HttpStatus.INTERNAL_SERVER_ERROR, null, "服务器内部错误", "internal error",
                    List.of());
        }
        return switch (known) {
            case BAD_REQUEST -> ApiErrorHandler.badRequest(List.of(FieldProblem.of("request",
                    "请求格式错误（路径、参数或请求头无效）", "malformed request (path, parameters or headers)")));
            case UNAUTHORIZED -> ApiErrorHandler.error(known, null, "请先登录", "authentication required", List.of());
            case FORBIDDEN -> ApiErrorHandler.error(known, null, "无权执行此操作", "not allowed", List.of());
            case NOT_FOUND -> ApiErrorHandler.error(known, null, "未找到", "not found", List.of());
            case CONTENT_TOO_LARGE -> ApiErrorHandler.error(known, null, "请求内容过大", "request body too large", List.of());
            default -> ApiErrorHandler.error(known, null, "请求无法处理（" + status + "）",
                    "the request cannot be handled (" + status + ")", List.of());
        };
    }
}
