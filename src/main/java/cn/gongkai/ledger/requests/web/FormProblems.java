package cn.gongkai.ledger.requests.web;

import cn.gongkai.ledger.platform.FieldLabels;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.platform.Messages;
import cn.gongkai.ledger.platform.RuleViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What a form's submission was refused for, in the words the API uses (the same validation messages,
 * FieldLabels, the rules' Chinese messages), by field, so that a page shows each next to its field and keeps
 * what was typed. Problems without a field ({@link #general()}) go above the form.
 *
 * @param status the HTTP status the page is answered with: 400 for validation, 422 for a rule, 409 for a conflict
 */
public record FormProblems(HttpStatus status, Map<String, String> byField, List<String> general) {

    public static FormProblems none() {
        return new FormProblems(HttpStatus.OK, Map.of(), List.of());
    }

    public boolean any() {
        return !byField.isEmpty() || !general.isEmpty();
    }

    /** The message for a field ({@code receivedOn}, {@code applicant.name}), or null. */
    public String of(String field) {
        return byField.get(field);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** "label: message" for every problem, fields first, for the summary above the form. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        byField.forEach((field, message) -> all.add(FieldLabels.labelOf(field) + "：" + message));
        all.addAll(general);
        return all;
    }

    /** Bean Validation and type conversion refusals of a bound form. */
    public static FormProblems of(BindingResult binding) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "取值无效或格式错误（日期为 YYYY-MM-DD，代码须为规定的取值之一）"
                    : chinese(error.getDefaultMessage() == null ? Messages.REQUIRED : error.getDefaultMessage());
            byField.putIfAbsent(error.getField(), message);
        }
        List<String> general = binding.getGlobalErrors().stream()
                .map(error -> chinese(error.getDefaultMessage())).toList();
        return new FormProblems(HttpStatus.BAD_REQUEST, byField, general);
    }

    /**
     * A command's refusal, or null if {@code refusal} is none a form can show (it then propagates: 404, 403,
     * 500 are the error page's).
     */
    public static FormProblems of(RuntimeException refusal) {
        return switch (refusal) {
            case InputRejected rejected -> {
                Map<String, String> byField = new LinkedHashMap<>();
                for (FieldProblem problem : rejected.problems()) {
                    byField.putIfAbsent(problem.field(), problem.messageZh());
                }
                yield new FormProblems(HttpStatus.BAD_REQUEST, byField, List.of());
            }
            case RuleViolation rule -> rule.field() == null
                    ? new FormProblems(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(), List.of(rule.messageZh()))
                    : new FormProblems(HttpStatus.UNPROCESSABLE_CONTENT, Map.of(rule.field(), rule.messageZh()),
                            List.of());
            case ConcurrencyException conflict -> stale();
            case ConflictingModificationException conflict -> stale();
            default -> null;
        };
    }

    private static FormProblems stale() {
        return new FormProblems(HttpStatus.CONFLICT, Map.of(),
                List.of("该申请已被他人同时修改，请查看最新情况后重试。"));
    }

    /** The Chinese half of a "中文 / English" validation message. */
    private static String chinese(String message) {
        return message.split(" / ", 2)[0];
    }
}
