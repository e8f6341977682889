package cn.gongkai.ledger.platform;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The HTTP error contract: 400 names each bad field in Chinese and English, 404 for what the user
 * cannot see, 409 for a change that lost a race, 422 for a broken business rule. Nothing is
 * stored in any of these cases: the command's unit of work rolls back.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /** The body of every error answer. */
    record ApiError(int status, String error, String rule, String message, String messageEn,
                    List<FieldProblem> fields) {
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> {
            String message = error.getDefaultMessage() == null ? Messages.REQUIRED : error.getDefaultMessage();
            String[] parts = message.split(" / ", 2);
            problems.add(FieldProblem.of(error.getField(), parts[0], parts.length > 1 ? parts[1] : parts[0]));
        });
        return badRequest(problems);
    }

    @ExceptionHandler(InputRejected.class)
    ResponseEntity<ApiError> rejected(InputRejected e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
        }
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = jsonPath(databind);
            Class<?> expected = databind instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            FieldProblem problem = ExpectedFormat.of(field, expected);
            return badRequest(List.of(problem != null ? problem : FieldProblem.of(field,
                    "取值无效或格式错误（日期为 YYYY-MM-DD，代码须为规定的取值之一）",
                    "invalid value or format (dates are YYYY-MM-DD, codes must be one of the listed values)")));
        }
        return badRequest(List.of(FieldProblem.of("body", "请求内容不是有效的JSON", "the body is not valid JSON")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        FieldProblem problem = ExpectedFormat.orInvalid(e.getName(), e.getRequiredType());
        if (e.getValue() instanceof String value && value.contains(" ") && ExpectedFormat.isInstant(e.getRequiredType())) {
            // an unencoded + in a query string arrives as a space: say so, it is the usual cause
            problem = FieldProblem.of(e.getName(), problem.messageZh() + "（查询参数中的 + 须写作 %2B）",
                    problem.messageEn() + " (in a query string, write + as %2B)");
        }
        return badRequest(List.of(problem));
    }

    /** A missing code parameter ({@code export} without {@code format}) lists the codes it takes. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        String name = e.getParameterName();
        Class<?> type = e.getMethodParameter() == null ? null : e.getMethodParameter().getParameterType();
        FieldProblem expected = ExpectedFormat.of(name, type);
        return badRequest(List.of(expected == null ? FieldProblem.of(name, "必填", "required")
                : FieldProblem.of(name, "必填，" + expected.messageZh(), "required, " + expected.messageEn())));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return badRequest(List.of(FieldProblem.of(e.getHeaderName(), "必填", "required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null, "请以 application/json 提交", "send application/json", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, null, "不支持该请求方法", "method not allowed", List.of());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> rule(RuleViolation e) {
        List<FieldProblem> fields = e.field() == null ? List.of()
                : List.of(FieldProblem.of(e.field(), e.messageZh(), e.messageEn()));
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.rule(), e.messageZh(), e.messageEn(), fields);
    }

    /** An id of another kind of stream (a dispute's id on a request's path) is not found either. */
    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class, NoResourceFoundException.class,
            IncompatibleAggregateException.class})
    ResponseEntity<ApiError> notFound(Exception e) {
        if (e instanceof NotFound notFound && notFound.rule() != null) {
            return error(HttpStatus.NOT_FOUND, notFound.rule(), notFound.messageZh(), notFound.messageEn(), List.of());
        }
        return error(HttpStatus.NOT_FOUND, null, "未找到", "not found", List.of());
    }

    /** Covers version conflicts (If-Match) and lost races on the event table's unique key. */
    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, "ConcurrentModification",
                "该记录已被他人同时修改，请刷新后重试", "the record was changed concurrently by someone else; reload and retry",
                List.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e) {
        return error(HttpStatus.FORBIDDEN, null, "无权执行此操作", "not allowed", List.of());
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<ApiError> tooLarge(RequestTooLarge e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, null, "请求内容过大", "request body too large", List.of());
    }

    /** A read that waited for the read models to include a position and ran out of time (ADR 0014). */
    @ExceptionHandler(TemporarilyUnavailable.class)
    ResponseEntity<ApiError> unavailable(TemporarilyUnavailable e) {
        ResponseEntity<ApiError> answer = error(HttpStatus.SERVICE_UNAVAILABLE, e.rule(), e.messageZh(), e.messageEn(),
                List.of());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(answer.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        // a Content-Type such as */* cannot even be parsed into a media type to compare
        if (e instanceof InvalidMediaTypeException) {
            return mediaType(null);
        }
        // any other refusal Spring MVC itself makes (a missing path variable, an unacceptable Accept...)
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return error(status, null, "请求无法处理（" + status.value() + "）",
                    "the request cannot be handled (" + status.value() + ")", List.of());
        }
        if (DatabaseUnavailable.causes(e)) {
            boolean inDoubt = DatabaseUnavailable.inDoubt(e);
            log.warn("the database is unavailable{}: {}", inDoubt ? " during a commit" : "", e.getClass().getName());
            return inDoubt ? databaseUnavailable(DatabaseUnavailable.MESSAGE_IN_DOUBT_ZH,
                    DatabaseUnavailable.MESSAGE_IN_DOUBT_EN) : databaseUnavailable();
        }
        // the exception's message may quote input; log its type and origin only
        log.error("unexpected failure: {} at {}", e.getClass().getName(),
                e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
        return error(HttpStatus.INTERNAL_SERVER_ERROR, null, "服务器内部错误", "internal error", List.of());
    }

    private static String jsonPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ResponseEntity<ApiError> badRequest(List<FieldProblem> problems) {
        String zh = "输入有误：" + String.join("；", problems.stream().map(p -> p.label() + " " + p.messageZh()).toList());
        String en = "invalid input: " + String.join("; ", problems.stream().map(p -> p.field() + " " + p.messageEn()).toList());
        return error(HttpStatus.BAD_REQUEST, null, zh, en, problems);
    }

    /** 503 with {@code Retry-After}: the database cannot be reached; nothing was stored ({@link DatabaseUnavailable}). */
    static ResponseEntity<ApiError> databaseUnavailable() {
        return databaseUnavailable(DatabaseUnavailable.MESSAGE_ZH, DatabaseUnavailable.MESSAGE_EN);
    }

    /** The same 503, saying what is known of the request's effect. */
    static ResponseEntity<ApiError> databaseUnavailable(String zh, String en) {
        ResponseEntity<ApiError> answer = error(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.RULE,
                zh, en, List.of());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(answer.getBody());
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String rule, String zh, String en,
                                                  List<FieldProblem> fields) {
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), status.name().toLowerCase(), rule, zh, en, fields));
    }
}
