package cn.gongkai.ledger.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Validation at the edge, once, for every endpoint: every JSON body before Spring reads it into
 * the endpoint's type, and every query, path and header parameter before the endpoint runs (after
 * the role check of {@code AuthorizeBeforeBinding}, so a caller without the role still gets 403).
 * A refusal is an {@link InputRejected}: 400 naming each field in Chinese and English, nothing run,
 * nothing stored.
 *
 * <p>Texts: no control characters (tab and line breaks only in {@link InputBounds#MULTI_LINE}
 * fields), NFC-normalised before the endpoint sees them, at most {@link InputBounds#MAX_TEXT}
 * characters in a body and {@link InputBounds#MAX_PARAMETER} in a parameter. Dates from 2008-01-01 to
 * the end of next year; instants likewise; years from 2008 to next year (a calendar's further
 * ahead); whole numbers within {@link InputBounds#integerRange}, never a fraction; codes as their
 * names, never as numbers. Jackson's own strictness ({@link StrictJson}) backs this up for what
 * the tree walk leaves to it.
 *
 * <p>The body is walked against the endpoint's declared type (records, collections, maps), so a
 * new endpoint is covered without a line here; fields the type does not know are still checked
 * for control characters.
 */
@ControllerAdvice
class EdgeValidation extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

    /** Reads trees only: keeps every number as written, so that a rewritten body says what the client sent. */
    private static final JsonMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Clock clock;

    EdgeValidation(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after AuthorizeBeforeBinding (order 0): a caller without the role learns nothing from a 400
        registry.addInterceptor(this).order(10);
    }

    // ---- JSON bodies ----

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] bytes = input.getBody().readAllBytes();
        JsonNode tree;
        try {
            tree = bytes.length == 0 ? null : TREES.readTree(bytes);
        } catch (JacksonException e) {
            tree = null; // not JSON: the converter refuses it with its own 400, naming the body
        }
        if (tree != null && tree.isContainer()) {
            Walk walk = new Walk(BusinessClock.today(clock));
            JsonNode checked = walk.value(tree, targetType, "");
            if (!walk.problems.isEmpty()) {
                throw new InputRejected(walk.problems);
            }
            if (walk.changed) {
                bytes = TREES.writeValueAsBytes(checked);
            }
        }
        return new Replayed(input.getHeaders(), bytes);
    }

    private record Replayed(HttpHeaders headers, byte[] bytes) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }

    /** One body's walk: the problems found, and whether a text was normalised. */
    private static final class Walk {

        private final LocalDate today;
        private final List<FieldProblem> problems = new ArrayList<>();
        private boolean changed;

        Walk(LocalDate today) {
            this.today = today;
        }

        /** Checks {@code node}, read as {@code type} (null: unknown); returns it, or its normalised copy. */
        JsonNode value(JsonNode node, Type type, String field) {
            Class<?> raw = rawClass(type);
            if (node.isNull()) {
                return node;
            }
            if (node.isString()) {
                return text(node.stringValue(), raw, field);
            }
            if (node.isNumber()) {
                number(node, raw, field);
                return node;
            }
            if (node.isObject()) {
                return object((ObjectNode) node, type, raw, field);
            }
            if (node.isArray()) {
                Type element = Collection.class.isAssignableFrom(raw == null ? Object.class : raw)
                        ? typeArgument(type, 0) : null;
                ArrayNode array = (ArrayNode) node;
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, value(array.get(i), element, field));
                }
            }
            return node;
        }

        private JsonNode object(ObjectNode node, Type type, Class<?> raw, String field) {
            boolean map = raw != null && Map.class.isAssignableFrom(raw);
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            for (Map.Entry<String, JsonNode> entry : entries) {
                String key = entry.getKey();
                String name = map ? field : join(field, key);
                FieldProblem keyProblem = InputBounds.textProblem(name.isEmpty() ? "body" : name, key,
                        InputBounds.MAX_PARAMETER);
                if (keyProblem != null) {
                    problems.add(keyProblem);
                    continue;
                }
                Type member = map ? typeArgument(type, 1) : componentType(raw, key);
                node.set(key, value(entry.getValue(), member, name));
            }
            return node;
        }

        private JsonNode text(String value, Class<?> raw, String field) {
            FieldProblem problem = InputBounds.textProblem(field, value, InputBounds.MAX_TEXT);
            if (problem != null) {
                problems.add(problem);
                return StringNode.valueOf(value);
            }
            if (raw == LocalDate.class) {
                try {
                    add(InputBounds.dateProblem(field, LocalDate.parse(value), today));
                } catch (DateTimeParseException e) {
                    // Jackson refuses it, naming the field
                }
                return StringNode.valueOf(value);
            }
            String normalised = Normalizer.normalize(value, Normalizer.Form.NFC);
            if (!normalised.equals(value)) {
                changed = true;
            }
            return StringNode.valueOf(normalised);
        }

        private void number(JsonNode node, Class<?> raw, String field) {
            if (raw == null) {
                return;
            }
            if (raw.isEnum()) {
                String codes = String.join(", ", ExpectedFormat.codes(raw));
                problems.add(FieldProblem.of(field, "须为规定的代码之一（以代码文字表示，不接受数字）：" + codes,
                        "must be one of the listed codes, written as its name, not a number: " + codes));
            } else if (ExpectedFormat.of(field, raw) != null) {
                problems.add(ExpectedFormat.of(field, raw));
            } else if (wholeNumberType(raw)) {
                BigDecimal value = node.decimalValue();
                if (node.isFloatingPointNumber() && value.stripTrailingZeros().scale() > 0) {
                    problems.add(InputBounds.notWhole(field));
                    return;
                }
                InputBounds.Range range = InputBounds.integerRange(InputBounds.lastSegment(field), null, today);
                if (range != null && (value.compareTo(BigDecimal.valueOf(range.min())) < 0
                        || value.compareTo(BigDecimal.valueOf(range.max())) > 0)) {
                    problems.add(InputBounds.rangeProblem(field, range));
                }
            }
        }

        private void add(FieldProblem problem) {
            if (problem != null) {
                problems.add(problem);
            }
        }
    }

    // ---- query, path and header parameters ----

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        refuseWildcardContentType(request.getContentType());
        LocalDate today = BusinessClock.today(clock);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<FieldProblem> problems = new ArrayList<>();
        // every parameter, declared or not, is text without control characters and of bounded length
        request.getParameterMap().forEach((name, values) -> {
            checkText(problems, name, name);
            for (String value : values) {
                checkText(problems, name, value);
            }
        });
        Map<String, String> pathVariables = pathVariables(request);
        pathVariables.forEach((name, value) -> checkText(problems, name, value));
        for (MethodParameter parameter : method.getMethodParameters()) {
            String name = parameterName(parameter);
            if (name == null) {
                continue;
            }
            String value = parameter.hasParameterAnnotation(PathVariable.class) ? pathVariables.get(name)
                    : parameter.hasParameterAnnotation(RequestHeader.class) ? request.getHeader(name)
                    : request.getParameter(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (parameter.hasParameterAnnotation(RequestHeader.class)) {
                checkText(problems, name, value);
            }
            if (problems.stream().anyMatch(p -> p.field().equals(name))) {
                continue;
            }
            typed(problems, name, value, parameter.getParameterType(), path, today);
        }
        if (!problems.isEmpty()) {
            throw new InputRejected(problems);
        }
        return true;
    }

    /** {@code Content-Type: *}{@code /*} names no type to read: 415, where Spring would fail on it with a 500. */
    private static void refuseWildcardContentType(String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException("unparseable Content-Type");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new HttpMediaTypeNotSupportedException("wildcard Content-Type");
        }
    }

    private static void typed(List<FieldProblem> problems, String name, String value, Class<?> type, String path,
                              LocalDate today) {
        if (wholeNumberType(type)) {
            BigDecimal number;
            try {
                number = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                return; // Spring refuses it as a type mismatch, naming the parameter
            }
            if (number.stripTrailingZeros().scale() > 0) {
                problems.add(InputBounds.notWhole(name));
                return;
            }
            InputBounds.Range range = InputBounds.integerRange(name, path, today);
            if (range != null && (number.compareTo(BigDecimal.valueOf(range.min())) < 0
                    || number.compareTo(BigDecimal.valueOf(range.max())) > 0)) {
                problems.add(InputBounds.rangeProblem(name, range));
            }
        } else if (type == LocalDate.class) {
            try {
                FieldProblem problem = InputBounds.dateProblem(name, LocalDate.parse(value.trim()), today);
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (DateTimeParseException e) {
                // Spring refuses it as a type mismatch
            }
        } else if (type == OffsetDateTime.class) {
            try {
                FieldProblem problem = InputBounds.instantProblem(name, OffsetDateTime.parse(value.trim()), today);
                if (problem != null) {
                    problems.add(problem);
                }
            } catch (DateTimeParseException e) {
                // Spring refuses it as a type mismatch
            }
        }
    }

    private static void checkText(List<FieldProblem> problems, String name, String value) {
        String field = InputBounds.textProblem("parameter", name, InputBounds.MAX_PARAMETER) == null ? name : "parameter";
        FieldProblem problem = InputBounds.textProblem(field, value, InputBounds.MAX_PARAMETER);
        if (problem != null && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problems.add(problem);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static String parameterName(MethodParameter parameter) {
        String declared = null;
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (query != null) {
            declared = query.name();
        } else if (path != null) {
            declared = path.name();
        } else if (header != null) {
            declared = header.name();
        } else {
            return null;
        }
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    // ---- types ----

    private static boolean wholeNumberType(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static String join(String field, String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    private static Type componentType(Class<?> raw, String name) {
        if (raw == null || !raw.isRecord()) {
            return null;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getGenericType();
            }
        }
        return null;
    }
}
