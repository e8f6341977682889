package cn.gongkai.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicationSteps;
import cn.gongkai.ledger.requests.RequestJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input over every command and query of the service's own OpenAPI description (read at
 * test time, so a new endpoint is fuzzed without a line here): for each input a 4xx with the
 * documented error body, nothing stored, and every event processor at the head of the event
 * stream afterwards (issue 9, findings 1–5). The generator is seeded; a failure names the seed,
 * the operation and the input, so it can be replayed.
 *
 * <p>The cases the issue names are {@link #namedCases()}, each with a control where it matters:
 * the same request without the hostile value is accepted, so the refusal is the hostile value's.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputFuzzIT {

    /** Fixed seeds: the same inputs on every run. */
    private static final long[] SEEDS = {9L, 2026L};

    /** Hostile inputs sampled per operation and seed, on top of those every operation gets. */
    private static final int SAMPLES_PER_OPERATION = 3;

    /** Tried in this order; the first whose role the operation admits is the one that sends the hostile input. */
    private static final List<String> USERS = List.of("handler-kaifaqu", "reviewer-kaifaqu", "head-kaifaqu",
            "admin-kaifaqu", "auditor-kaifaqu", "platform-admin");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Stands for a lone surrogate, written into the JSON text as its escape (a Java string cannot carry one to the wire). */
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    LedgerUnderTest ledger;
    @Today
    LocalDate today;
    String open;
    String concluded;
    String disputeId;

    @BeforeAll
    void setUp(LedgerUnderTest ledger) {
        this.ledger = ledger;
        open = ApplicationSteps.register(api, today.minusDays(2));
        concluded = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, concluded, "DISCLOSED", today.minusDays(1));
        Response filed = api.post("handler-kaifaqu", "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(concluded, today));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        disputeId = filed.json().get("disputeId").asText();
    }

    // ---- the cases of the issue, by name ----

    /** One hostile request; {@code control} (may be null) is the same request made valid, expected to be accepted. */
    record Case(String user, String method, String path, String contentType, String body, Control control) {
    }

    record Control(String path, String body, int status) {
    }

    Stream<Named<Function<HostileInputFuzzIT, Case>>> namedCases() {
        return Stream.of(
                named("finding 1: NUL in a dispute's caseNumber", t -> new Case("handler-kaifaqu", "POST",
                        "/api/disputes", null, """
                        {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s","caseNumber":"驻政复\\u0000〔2026〕1号"}"""
                        .formatted(t.concluded, t.today),
                        new Control("/api/disputes", """
                                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s","caseNumber":"驻政复〔2026〕1号"}"""
                                .formatted(t.concluded, t.today), 201))),
                named("finding 1: NUL in an extension's reason", t -> new Case("reviewer-kaifaqu", "POST",
                        "/api/requests/" + t.open + "/extension", null, """
                        {"workingDays":10,"reason":"需调取\\u0000档案","extendedOn":"%s"}""".formatted(t.today), null)),
                named("finding 1: a C1 control (U+0085) in an applicant's name", t -> new Case("handler-kaifaqu", "POST",
                        "/api/requests", null, RequestJson.received(t.today, "NATURAL_PERSON", "张\\u0085三"),
                        new Control("/api/requests", RequestJson.received(t.today, "NATURAL_PERSON", "张三"), 201))),
                named("finding 1: a line break in a single-line field (consulted)", t -> new Case("handler-kaifaqu",
                        "POST", "/api/requests/" + t.open + "/consultation", null, """
                        {"party":"THIRD_PARTY","consulted":"某公司\\n另一行","startedOn":"%s"}""".formatted(t.today), null)),
                named("finding 2: receivedOn -999999999-01-01", t -> receipt(t, "-999999999-01-01")),
                named("finding 2: receivedOn +999999999-12-31", t -> receipt(t, "+999999999-12-31")),
                named("finding 2: receivedOn 1900-01-01", t -> receipt(t, "1900-01-01")),
                named("finding 2: receivedOn 0001-01-01", t -> receipt(t, "0001-01-01")),
                named("finding 2: receivedOn 0000-01-01", t -> receipt(t, "0000-01-01")),
                named("finding 2: receivedOn -0001-01-01", t -> receipt(t, "-0001-01-01")),
                named("finding 2: receivedOn 2007-12-31, before the statute", t -> receipt(t, "2007-12-31")),
                named("finding 3: dueWithin=100000000", t -> get(t, "/api/requests?dueWithin=100000000")),
                named("finding 3: dueWithin=10000000", t -> get(t, "/api/requests?dueWithin=10000000")),
                named("finding 4: applicantCategory as the number 3", t -> receive(t,
                        RequestJson.received(t.today).replace("\"NATURAL_PERSON\"", "3"))),
                named("finding 4: channel as the number 1", t -> receive(t,
                        RequestJson.received(t.today).replace("\"INTERNET\"", "1"))),
                named("finding 4: workingDays 10.5", t -> new Case("reviewer-kaifaqu", "POST",
                        "/api/requests/" + t.open + "/extension", null, """
                        {"workingDays":10.5,"reason":"需调取档案","extendedOn":"%s"}""".formatted(t.today), null)),
                named("finding 4: amountFen 1.5", t -> new Case("handler-kaifaqu", "POST",
                        "/api/requests/" + t.open + "/fee-notice", null, """
                        {"method":"ENTERED","amountFen":1.5,"reason":"复制费","issuedOn":"%s","payableBy":"%s"}"""
                        .formatted(t.today, t.today.plusDays(15)), null)),
                named("finding 4: amountFen 9223372036854775807", t -> new Case("handler-kaifaqu", "POST",
                        "/api/requests/" + t.open + "/fee-notice", null, """
                        {"method":"ENTERED","amountFen":9223372036854775807,"reason":"复制费","issuedOn":"%s","payableBy":"%s"}"""
                        .formatted(t.today, t.today.plusDays(15)), null)),
                named("finding 5: Content-Type */* on POST /api/requests", t -> new Case("handler-kaifaqu", "POST",
                        "/api/requests", "*/*", RequestJson.received(t.today), null)),
                named("finding 5: fromYear 2147483647 on carry-forward", t -> new Case("head-kaifaqu", "POST",
                        "/api/requests/" + t.open + "/carry-forward", null, "{\"fromYear\":2147483647}", null)),
                named("finding 5: year 2147483647 on /api/requests", t -> get(t, "/api/requests?year=2147483647")),
                named("finding 5: year -2147483648 on /api/requests", t -> get(t, "/api/requests?year=-2147483648")),
                named("finding 5: year 2147483647 on /api/statistics/{year}", t -> get(t, "/api/statistics/2147483647")),
                named("finding 5: year -2147483648 on /api/statistics/{year}", t -> get(t, "/api/statistics/-2147483648")),
                named("finding 5: at=+999999999-12-31T23:59:59Z on as-of", t -> get(t, "/api/statistics/"
                        + t.today.getYear() + "/as-of?at=%2B999999999-12-31T23:59:59Z")),
                named("finding 5: to=+999999999-12-31 on user activity", t -> new Case("auditor-kaifaqu", "GET",
                        "/api/audit/users/handler-kaifaqu/activity?from=2026-01-01&to=%2B999999999-12-31", null, null,
                        null)),
                named("finding 5: NUL in an erasure reason", t -> new Case("admin-kaifaqu", "POST",
                        "/api/requests/" + t.concluded + "/personal-data-erasure", null,
                        "{\"reason\":\"保存期限\\u0000届满\"}", null)),
                named("finding 5: anonymous GET /error", t -> new Case(null, "GET", "/error", null, null, null)),
                named("finding 5: NUL (%00) in a path", t -> get(t, "/api/requests/%00")),
                named("finding 5: an encoded slash in a path", t -> get(t, "/api/requests/a%2Fb")),
                named("finding 5: a semicolon in a path", t -> get(t, "/api/requests;x=1")),
                named("finding 5: a control character in a query parameter", t -> get(t, "/api/disputes/cells/"
                        + "RECONSIDERATION/TOTAL?year=2026%01")),
                named("finding 5: a body that is not JSON", t -> receive(t, "{\"channel\":")),
                named("finding 5: text after the JSON document", t -> receive(t, RequestJson.received(t.today) + " x")));
    }

    private static Named<Function<HostileInputFuzzIT, Case>> named(String name, Function<HostileInputFuzzIT, Case> c) {
        return Named.of(name, c);
    }

    private static Case receipt(HostileInputFuzzIT t, String receivedOn) {
        return receive(t, RequestJson.received(t.today).replace("\"receivedOn\":\"" + t.today + "\"",
                "\"receivedOn\":\"" + receivedOn + "\""));
    }

    private static Case receive(HostileInputFuzzIT t, String body) {
        return new Case("handler-kaifaqu", "POST", "/api/requests", null, body, null);
    }

    private static Case get(HostileInputFuzzIT t, String path) {
        return new Case("handler-kaifaqu", "GET", path, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedCases")
    void theIssuesCasesAreRefusedAndLeaveNothingBehind(Function<HostileInputFuzzIT, Case> make) {
        Case hostile = make.apply(this);
        long before = events();
        Response response = send(hostile.user(), hostile.method(), hostile.path(), hostile.contentType(), hostile.body());
        assertThat(problem(response)).as(hostile.path() + " " + hostile.body()).isNull();
        assertThat(events()).as("events stored after " + response).isEqualTo(before);
        awaitProcessorsAtHead();
        if (hostile.control() != null) {
            Response control = send(hostile.user(), "POST", hostile.control().path(), null, hostile.control().body());
            assertThat(control.status()).as("the same request without the hostile value: " + control)
                    .isEqualTo(hostile.control().status());
            awaitProcessorsAtHead();
        }
    }

    // ---- every operation of the OpenAPI description ----

    @Test
    void everyOperationRefusesHostileInputAndStoresNothing() {
        JsonNode docs = JSON.readTree(send(null, "GET", "/v3/api-docs", null, null).body());
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Operation op = new Operation(docs, path.getKey(), operation.getKey().toUpperCase(), operation.getValue());
                operations++;
                op.user = userFor(op);
                for (long seed : SEEDS) {
                    for (Hostile input : op.hostileInputs(new SplittableRandom(seed ^ op.key().hashCode()))) {
                        long before = events();
                        Response response;
                        try {
                            response = send(op.user, op.method, input.path(), input.contentType(), input.body(),
                                    input.headers());
                        } catch (IllegalArgumentException unsendable) {
                            continue; // a header value java.net.http will not send: neither would any client
                        }
                        sent++;
                        String problem = problem(response);
                        long after = events();
                        if (problem != null || after != before) {
                            failures.add("seed " + seed + " " + op.key() + " [" + input.what() + "] " + input.path()
                                    + " " + abbreviate(input.body()) + " -> "
                                    + (problem != null ? problem : (after - before) + " events stored") + ": "
                                    + abbreviate(response.toString()));
                        }
                    }
                }
                awaitProcessorsAtHead();
            }
        }
        assertThat(operations).as("operations in /v3/api-docs").isGreaterThan(40);
        assertThat(failures).as(sent + " hostile inputs sent").isEmpty();
    }

    /** The first demo user the operation admits: a request refused at the edge answers 403 to the others. */
    private String userFor(Operation op) {
        for (String user : USERS) {
            Response response = send(user, op.method, op.validPath() + (op.validPath().contains("?") ? "&" : "?")
                    + "probe=%01", op.hasBody ? "application/json" : null, op.hasBody ? "{}" : null);
            if (response.status() != 403) {
                return user;
            }
        }
        return USERS.getFirst();
    }

    /** One hostile input: what it is (for the report), and the request. */
    record Hostile(String what, String path, String contentType, String body, String[] headers) {
    }

    /** An operation of the description, with valid values for its parameters and body to mutate one at a time. */
    final class Operation {

        final String template;
        final String method;
        final List<JsonNode> parameters = new ArrayList<>();
        final JsonNode docs;
        final JsonNode bodySchema;
        final boolean hasBody;
        String user;

        Operation(JsonNode docs, String template, String method, JsonNode operation) {
            this.docs = docs;
            this.template = template;
            this.method = method;
            if (operation.has("parameters")) {
                operation.get("parameters").forEach(parameters::add);
            }
            JsonNode content = operation.path("requestBody").path("content");
            JsonNode schema = null;
            for (Map.Entry<String, JsonNode> type : content.properties()) {
                schema = type.getValue().get("schema");
            }
            this.bodySchema = schema == null ? null : resolve(schema);
            this.hasBody = schema != null;
        }

        String key() {
            return method + " " + template;
        }

        String validPath() {
            return path(Map.of());
        }

        /** The path with every path parameter valid, and the required query parameters, except those in {@code hostile}. */
        String path(Map<String, String> hostile) {
            String path = template;
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asText();
                String in = parameter.get("in").asText();
                String value = hostile.containsKey(name) ? hostile.get(name) : validParameter(name, parameter);
                if ("path".equals(in)) {
                    path = path.replace("{" + name + "}", encode(value));
                } else if ("query".equals(in) && (hostile.containsKey(name) || parameter.path("required").asBoolean())) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
                }
            }
            return path + query;
        }

        String validParameter(String name, JsonNode parameter) {
            JsonNode schema = resolve(parameter.path("schema"));
            return switch (name) {
                case "requestId" -> open;
                case "disputeId" -> disputeId;
                case "username" -> "handler-kaifaqu";
                case "year" -> String.valueOf(today.getYear());
                case "from", "to" -> today.toString();
                case "at" -> today.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime().toString();
                case "format" -> "csv";
                default -> schema.has("enum") ? schema.get("enum").get(0).asText()
                        : "integer".equals(schema.path("type").asText()) ? "1"
                        : "boolean".equals(schema.path("type").asText()) ? "false"
                        : "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                        : "x";
            };
        }

        List<Hostile> hostileInputs(SplittableRandom random) {
            List<Hostile> all = new ArrayList<>();
            // every operation: an undeclared parameter carrying a control character
            all.add(new Hostile("undeclared parameter with U+0001", validPath()
                    + (validPath().contains("?") ? "&" : "?") + "note=a%01b", jsonType(), body(), new String[0]));
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asText();
                String in = parameter.get("in").asText();
                for (String value : hostileParameterValues(resolve(parameter.path("schema")), random)) {
                    if ("header".equals(in)) {
                        all.add(new Hostile("header " + name + "=" + abbreviate(value), validPath(), jsonType(), body(),
                                new String[] {name, value}));
                    } else {
                        all.add(new Hostile(in + " " + name + "=" + abbreviate(value), path(Map.of(name, value)),
                                jsonType(), body(), new String[0]));
                    }
                }
            }
            if (hasBody) {
                for (String type : List.of("*/*", "text/plain", "application/*", "application/xml")) {
                    all.add(new Hostile("Content-Type " + type, validPath(), type, body(), new String[0]));
                }
                all.add(new Hostile("not JSON", validPath(), jsonType(), "{\"", new String[0]));
                all.add(new Hostile("trailing text", validPath(), jsonType(), body() + " }", new String[0]));
                all.add(new Hostile("an array body", validPath(), jsonType(), "[" + body() + "]", new String[0]));
                all.add(new Hostile("NUL in a key", validPath(), jsonType(), "{\"\\u0000\":1}", new String[0]));
                if (bodySchema != null) {
                    for (Map.Entry<String, JsonNode> field : fields(bodySchema, "")) {
                        for (JsonNode value : hostileBodyValues(field.getKey(), field.getValue(), random)) {
                            ObjectNode mutated = validBody();
                            set(mutated, field.getKey(), value);
                            all.add(new Hostile(field.getKey() + "=" + abbreviate(value.toString()), validPath(),
                                    jsonType(), mutated.toString().replace(LONE_SURROGATE, "\\ud800"), new String[0]));
                        }
                    }
                }
            }
            // the undeclared parameter always, then a seeded sample of the rest
            List<Hostile> chosen = new ArrayList<>(all.subList(0, Math.min(all.size(), 1)));
            List<Hostile> rest = new ArrayList<>(all.subList(chosen.size(), all.size()));
            for (int i = 0; i < SAMPLES_PER_OPERATION && !rest.isEmpty(); i++) {
                chosen.add(rest.remove(random.nextInt(rest.size())));
            }
            return chosen;
        }

        private String jsonType() {
            return hasBody ? "application/json" : null;
        }

        private String body() {
            return hasBody ? validBody().toString() : null;
        }

        ObjectNode validBody() {
            JsonNode body = valid("", bodySchema);
            return body instanceof ObjectNode object ? object : NODES.objectNode();
        }

        private JsonNode valid(String name, JsonNode schema) {
            if (schema == null) {
                return NODES.objectNode();
            }
            schema = resolve(schema);
            if (schema.has("enum")) {
                return NODES.stringNode(schema.get("enum").get(0).asText());
            }
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            switch (type) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    JsonNode required = schema.path("required");
                    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                        boolean isRequired = false;
                        for (JsonNode r : required) {
                            isRequired |= r.asText().equals(property.getKey());
                        }
                        if (isRequired) {
                            object.set(property.getKey(), valid(join(name, property.getKey()), property.getValue()));
                        }
                    }
                    return object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    array.add(valid(name, schema.get("items")));
                    return array;
                }
                case "integer" -> {
                    return NODES.numberNode("fromYear".equals(last) ? today.getYear() - 1 : "workingDays".equals(last) ? 10 : 1);
                }
                case "number" -> {
                    return NODES.numberNode(1);
                }
                case "boolean" -> {
                    return NODES.booleanNode(false);
                }
                default -> {
                    if ("date".equals(format)) {
                        return NODES.stringNode(today.toString());
                    }
                    if ("uuid".equals(format)) {
                        return NODES.stringNode("requestId".equals(last) ? concluded : UUID.randomUUID().toString());
                    }
                    return NODES.stringNode(switch (last) {
                        case "username" -> "fuzz-" + Long.toHexString(System.nanoTime());
                        case "agencyId" -> "kaifaqu";
                        case "password" -> "a-long-enough-password-1";
                        default -> "测试文字";
                    });
                }
            }
        }

        /** Every property of the body, nested ones as {@code applicant.name}, with its schema. */
        List<Map.Entry<String, JsonNode>> fields(JsonNode schema, String prefix) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Map.Entry<String, JsonNode> property : resolve(schema).path("properties").properties()) {
                String name = join(prefix, property.getKey());
                JsonNode resolved = resolve(property.getValue());
                fields.add(Map.entry(name, resolved));
                if (resolved.has("properties")) {
                    fields.addAll(fields(resolved, name));
                }
            }
            return fields;
        }

        private void set(ObjectNode body, String field, JsonNode value) {
            String[] parts = field.split("\\.");
            ObjectNode node = body;
            for (int i = 0; i < parts.length - 1; i++) {
                if (!(node.get(parts[i]) instanceof ObjectNode)) {
                    node.set(parts[i], NODES.objectNode());
                }
                node = (ObjectNode) node.get(parts[i]);
            }
            node.set(parts[parts.length - 1], value);
        }

        JsonNode resolve(JsonNode schema) {
            while (schema != null && schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            }
            return schema;
        }
    }

    // ---- the generator ----

    /** Text that must be refused anywhere: it holds a control character other than tab and line breaks. */
    static String hostileText(SplittableRandom random) {
        int[][] pools = {{'a', 'z'}, {0x4e00, 0x9fa5}, {0x0300, 0x036f}, {0x20, 0x7e}};
        int[] controls = {0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9b, 0x9f};
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        int at = random.nextInt(length + 1);
        for (int i = 0; i <= length; i++) {
            if (i == at) {
                text.appendCodePoint(controls[random.nextInt(controls.length)]);
            } else {
                int[] pool = pools[random.nextInt(pools.length)];
                text.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
            }
        }
        return text.toString();
    }

    List<String> hostileParameterValues(JsonNode schema, SplittableRandom random) {
        List<String> values = new ArrayList<>(List.of(hostileText(random), "x".repeat(201)));
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            values.addAll(List.of("3", "1", "NOT_A_CODE"));
        } else if ("integer".equals(type)) {
            values.addAll(List.of("2147483647", "-2147483648", "100000000", "10.5", "-1", "9223372036854775808"));
        } else if ("date".equals(format)) {
            values.addAll(List.of("+999999999-12-31", "-999999999-01-01", "1900-01-01", "0000-01-01", "2007-12-31"));
        } else if ("date-time".equals(format)) {
            values.addAll(List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1900-01-01T00:00:00+08:00"));
        } else if ("uuid".equals(format)) {
            values.add("not-a-uuid");
        } else if ("boolean".equals(type)) {
            values.add("maybe");
        }
        return values;
    }

    List<JsonNode> hostileBodyValues(String field, JsonNode schema, SplittableRandom random) {
        List<JsonNode> values = new ArrayList<>();
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        if (schema.has("enum")) {
            values.addAll(List.of(NODES.numberNode(0), NODES.numberNode(1), NODES.numberNode(3),
                    NODES.booleanNode(true), NODES.stringNode("NOT_A_CODE"), NODES.stringNode(hostileText(random))));
        } else if ("integer".equals(type)) {
            values.addAll(List.of(NODES.numberNode(new java.math.BigDecimal("10.5")),
                    NODES.numberNode(new java.math.BigDecimal("1.5")), NODES.numberNode(Long.MAX_VALUE),
                    NODES.numberNode(new java.math.BigDecimal("1e20")), NODES.numberNode(2147483647),
                    NODES.numberNode(-2147483648), NODES.stringNode("10"), NODES.booleanNode(true)));
        } else if ("date".equals(format)) {
            values.addAll(List.of(NODES.stringNode("-999999999-01-01"), NODES.stringNode("+999999999-12-31"),
                    NODES.stringNode("0000-01-01"), NODES.stringNode("-0001-01-01"), NODES.stringNode("1900-01-01"),
                    NODES.stringNode("2007-12-31"), NODES.numberNode(20260101), NODES.stringNode("2026-02-30"),
                    NODES.stringNode(hostileText(random))));
        } else if ("uuid".equals(format)) {
            values.addAll(List.of(NODES.stringNode("not-a-uuid"), NODES.numberNode(1)));
        } else if ("array".equals(type)) {
            values.addAll(List.of(NODES.arrayNode().add(3), NODES.stringNode(hostileText(random)),
                    NODES.arrayNode().add(hostileText(random))));
        } else if ("object".equals(type)) {
            if (schema.has("additionalProperties")) {
                values.add(NODES.objectNode().put(today.getYear() + "-01-01", hostileText(random)));
                values.add(NODES.objectNode().put(hostileText(random), "元旦"));
            }
            values.add(NODES.stringNode(hostileText(random)));
        } else if ("string".equals(type)) {
            values.addAll(List.of(NODES.stringNode(hostileText(random)), NODES.stringNode(hostileText(random)),
                    NODES.stringNode("a\u0000b"), NODES.stringNode(LONE_SURROGATE), NODES.numberNode(123),
                    NODES.booleanNode(true), NODES.stringNode("x".repeat(schema.path("maxLength").asInt(20_000) + 1))));
            String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            if (!List.of("informationRequested", "reason", "text", "summary", "whatIsUnclear", "legalBasis").contains(last)) {
                values.add(NODES.stringNode("第一行\n第二行"));
            }
        }
        return values;
    }

    // ---- checks ----

    /** What is wrong with an answer to hostile input, or null: a 4xx with the documented error body. */
    static String problem(Response response) {
        if (response.status() < 400 || response.status() >= 500) {
            return "status " + response.status();
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException notJson) {
            return "a body that is not JSON";
        }
        if (body == null || !body.isObject() || body.path("status").asInt() != response.status()
                || body.path("error").asText("").isBlank() || body.path("message").asText("").isBlank()
                || body.path("messageEn").asText("").isBlank() || !body.path("fields").isArray()) {
            return "not the documented error body";
        }
        if (response.status() == 400) {
            if (body.get("fields").isEmpty()) {
                return "a 400 naming no field";
            }
            for (JsonNode field : body.get("fields")) {
                for (String part : List.of("field", "label", "messageZh", "messageEn")) {
                    if (field.path(part).asText("").isBlank()) {
                        return "a 400 field without " + part;
                    }
                }
            }
        }
        return null;
    }

    /** Every streaming processor's every segment has passed the last stored event. */
    void awaitProcessorsAtHead() {
        ledger.awaitProcessorsAtHead(Duration.ofSeconds(30));
    }

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    Response send(String user, String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (contentType != null || body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        request.method(method, publisher);
        return api.send(user, request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder visible = new StringBuilder();
        text.codePoints().limit(160).forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)) {
                visible.append("\\u%04x".formatted(c));
            } else {
                visible.appendCodePoint(c);
            }
        });
        return text.length() > 160 ? visible + "…(" + text.length() + ")" : visible.toString();
    }
}
