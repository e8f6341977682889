package cn.gongkai.ledger.platform;

import cn.gongkai.ledger.platform.ApiErrorHandler.ApiError;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;

/**
 * What every operation of the API has in common, added to its description in one place: the
 * error answers it can give (each with the {@code ApiError} body), its group in the domain's words,
 * and the example of its request body ({@code openapi/request-examples.json}). An endpoint's own
 * {@code @ApiResponse} for a 4xx keeps its description and gets the error body here.
 *
 * <p>Which errors every operation can give: 400 (a malformed path, parameter or header, refused
 * before any endpoint), 401, 403, 413 (the body limit applies to every request) and 429 (login
 * throttling); 404 with a path variable; 409 with {@code If-Match} or on an application's or a dispute's
 * stream (a lost race); 415 with a request body.
 */
final class ApiContract implements OpenApiCustomizer {

    static final String ERROR_SCHEMA = "ApiError";
    static final String EXAMPLES = "openapi/request-examples.json";

    /** The groups (tags) of Swagger UI, by path; the first prefix that matches wins. */
    private static final List<Group> GROUPS = List.of(
            new Group("/api/requests", "申请登记与办理 Applications",
                    "依申请公开的登记、补正、征求意见、延期、收费、答复、终结与归档 / registering and handling applications"),
            new Group("/api/imports", "导入台账 Register import",
                    "导入原有台账（XLSX 或 CSV）：试导入、确认、进度、上年度结转基数 / importing an existing register: dry run, "
                            + "confirmation, progress, the previous year's baseline"),
            new Group("/api/statistics", "年度报表 Annual report tables",
                    "年度报告第三部分（表三）的统计、导出、发布与年度结转 / the annual report's tables, export, "
                            + "publication and the year close"),
            new Group("/api/reports", "年度报告 Annual report",
                    "整份年度报告：第二部分录入、正文及其版本、初稿、发布前检查、发布与各版本 / the whole annual report: "
                            + "part 二, prose versions, first draft, publication gate, publications"),
            new Group("/api/disputes", "复议诉讼 Reconsideration and litigation",
                    "行政复议和行政诉讼（年度报告第四部分） / administrative reconsideration and litigation (part 四)"),
            new Group("/api/audit", "审计 Audit", "谁在何时做了什么 / who did what, when"),
            new Group("/api/integrity", "审计 Audit", null),
            new Group("/api/calendar", "工作日历 Working-day calendar",
                    "法定节假日和调休工作日，答复期限按工作日计算 / holidays and adjusted working days behind every deadline"),
            new Group("/api/me", "当前用户 Current user", "登录者的身份、机关和角色 / who is logged in"),
            new Group("/api/admin", "管理 Administration",
                    "用户、API 令牌、死信和密钥 / users, API tokens, dead letters and keys"),
            new Group("/api/platform", "平台管理 Platform administration",
                    "机关的设立、更名、上下级关系和首个管理员 / agencies, their tree and first administrators"));

    private static final Map<String, Answer> ERRORS = Map.ofEntries(
            Map.entry("400", new Answer("输入有误：逐项列出字段（中文名称和英文名称） / invalid input: each bad field named",
                    """
                    {"status":400,"error":"bad_request","rule":null,
                     "message":"输入有误：收到申请日期 必填","messageEn":"invalid input: receivedOn required",
                     "fields":[{"field":"receivedOn","label":"收到申请日期","messageZh":"必填","messageEn":"required"}]}""")),
            Map.entry("401", new Answer("请先登录：API 令牌无效、过期或已吊销，或密码错误 / authentication required",
                    """
                    {"status":401,"error":"unauthorized","rule":null,"message":"请先登录",
                     "messageEn":"authentication required","fields":[]}""")),
            Map.entry("403", new Answer("无权执行此操作（角色不符） / not allowed for the caller's roles",
                    """
                    {"status":403,"error":"forbidden","rule":null,"message":"无权执行此操作","messageEn":"not allowed",
                     "fields":[]}""")),
            Map.entry("404", new Answer("未找到，或属于其他机关 / not found, or another agency's",
                    """
                    {"status":404,"error":"not_found","rule":null,"message":"未找到","messageEn":"not found","fields":[]}""")),
            Map.entry("409", new Answer("该记录已被他人同时修改（If-Match 的版本已过时），请刷新后重试 / "
                    + "changed concurrently (stale If-Match): reload and retry",
                    """
                    {"status":409,"error":"conflict","rule":"ConcurrentModification",
                     "message":"该记录已被他人同时修改，请刷新后重试",
                     "messageEn":"the record was changed concurrently by someone else; reload and retry","fields":[]}""")),
            Map.entry("413", new Answer("请求内容过大（上限 1 MiB） / request body over 1 MiB",
                    """
                    {"status":413,"error":"content_too_large","message":"请求内容过大（上限 1048576 字节）",
                     "messageEn":"request body larger than 1048576 bytes","fields":[]}""")),
            Map.entry("415", new Answer("请以 application/json 提交 / send application/json",
                    """
                    {"status":415,"error":"unsupported_media_type","rule":null,"message":"请以 application/json 提交",
                     "messageEn":"send application/json","fields":[]}""")),
            Map.entry("422", new Answer("违反业务规则，rule 为规则名，未作任何记录 / a business rule refused it (rule), "
                    + "nothing stored",
                    """
                    {"status":422,"error":"unprocessable_content","rule":"ExtensionOnlyOnce",
                     "message":"答复期限只能延长一次（条例第三十三条）","messageEn":"the period can be extended only once",
                     "fields":[]}""")),
            Map.entry("429", new Answer("登录失败次数过多，Retry-After 秒后再试 / too many failed logins: retry after "
                    + "Retry-After seconds",
                    """
                    {"status":429,"error":"too_many_requests","rule":"LoginAttemptsExceeded",
                     "message":"登录失败次数过多，请 60 秒后再试","messageEn":"too many failed logins; try again in 60 seconds",
                     "fields":[]}""")),
            Map.entry("503", new Answer("暂时无法答复，Retry-After 秒后再试 / temporarily unavailable: retry after "
                    + "Retry-After seconds",
                    """
                    {"status":503,"error":"service_unavailable","rule":null,"message":"暂时无法答复，请稍后再试",
                     "messageEn":"temporarily unavailable; retry later","fields":[]}""")));

    private final Map<String, Map<String, Object>> requestExamples = readExamples();

    @Override
    public void customise(OpenAPI api) {
        addErrorSchemas(api);
        List<Tag> tags = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operation.setOperationId(operationId(method, path));
            group(path, operation, tags);
            respond(method, operation, item);
            exampleOf(method + " " + path, operation);
        }));
        api.setTags(tags);
    }

    /**
     * {@code POST /api/requests/{requestId}/answer-draft} is {@code postRequestsRequestIdAnswerDraft}: stable,
     * where springdoc's own ids come from method names and are numbered ({@code answer_1}) in scanning order.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String word : path.substring("/api/".length()).split("[/{}\\-]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    private static void addErrorSchemas(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Map<String, Schema> schemas = ModelConverters.getInstance().readAll(ApiError.class);
        Schema<?> error = schemas.get(ApiError.class.getSimpleName());
        error.setDescription("每个错误答复的正文 / the body of every error answer");
        describe(error, "status", "HTTP 状态码 / the HTTP status");
        describe(error, "error", "状态名，小写 / the status's name in lower case");
        describe(error, "rule", "违反的业务规则名（422），可供程序判断；否则为 null / the broken rule's stable name (422)");
        describe(error, "message", "中文说明 / what is wrong, in Chinese");
        describe(error, "messageEn", "英文说明 / what is wrong, in English");
        describe(error, "fields", "有误的字段（400，以及针对某一字段的 422） / the fields at fault");
        schemas.forEach((name, schema) -> api.getComponents().addSchemas(name, schema));
    }

    private static void describe(Schema<?> schema, String property, String description) {
        Schema<?> field = schema.getProperties() == null ? null : schema.getProperties().get(property);
        if (field != null) {
            field.setDescription(description);
        }
    }

    private static void group(String path, Operation operation, List<Tag> tags) {
        GROUPS.stream().filter(group -> path.equals(group.prefix()) || path.startsWith(group.prefix() + "/"))
                .findFirst()
                .ifPresent(group -> {
                    operation.setTags(List.of(group.name()));
                    if (tags.stream().noneMatch(tag -> tag.getName().equals(group.name()))) {
                        tags.add(new Tag().name(group.name()).description(GROUPS.stream()
                                .filter(g -> g.name().equals(group.name()) && g.description() != null)
                                .map(Group::description).findFirst().orElse(null)));
                    }
                });
    }

    private static void respond(PathItem.HttpMethod method, Operation operation, PathItem item) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<String> common = new ArrayList<>(List.of("400", "401", "403", "413", "429"));
        if (parameters(operation, item).stream().anyMatch(p -> "path".equals(p.getIn()))) {
            common.add("404");
        }
        if (method != PathItem.HttpMethod.GET
                && parameters(operation, item).stream().anyMatch(ApiContract::appendsToAStream)) {
            common.add("409");
        }
        if (operation.getRequestBody() != null) {
            common.add("415");
        }
        common.forEach(code -> responses.computeIfAbsent(code, c -> new ApiResponse()));
        responses.forEach((code, response) -> {
            if (!code.startsWith("4") && !code.startsWith("5")) {
                return;
            }
            Answer answer = ERRORS.get(code);
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(answer == null ? code : answer.description());
            }
            MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA));
            if (answer != null) {
                json.setExample(parse(answer.example()));
            }
            response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    json));
            if (code.equals("429") || code.equals("503")) {
                response.addHeaderObject("Retry-After", new Header()
                        .description("等待的秒数 / seconds to wait").schema(new IntegerSchema()));
            }
            if (code.equals("401")) {
                response.addHeaderObject("WWW-Authenticate", new Header()
                        .description("Basic 或 Bearer 质询 / the Basic or Bearer challenge").schema(new StringSchema()));
            }
        });
    }

    /** A stale If-Match, or a command on an application or a dispute that lost a race for its stream. */
    private static boolean appendsToAStream(Parameter parameter) {
        return "header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName())
                || "path".equals(parameter.getIn()) && List.of("requestId", "disputeId").contains(parameter.getName());
    }

    private static List<Parameter> parameters(Operation operation, PathItem item) {
        List<Parameter> all = new ArrayList<>();
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        if (item.getParameters() != null) {
            all.addAll(item.getParameters());
        }
        return all;
    }

    private void exampleOf(String operationKey, Operation operation) {
        Map<String, Object> examples = requestExamples.get(operationKey);
        if (examples == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().values().forEach(media -> examples.forEach((name, given) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> example = (Map<String, Object>) given;
            media.addExamples(name, new Example()
                    .summary(Objects.toString(example.get("summary"), null))
                    .value(example.get("value")));
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> readExamples() {
        try (InputStream in = new ClassPathResource(EXAMPLES).getInputStream()) {
            return Json.mapper().readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + EXAMPLES, e);
        }
    }

    private static Object parse(String json) {
        try {
            return Json.mapper().readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Group(String prefix, String name, String description) {
    }

    private record Answer(String description, String example) {
    }
}
