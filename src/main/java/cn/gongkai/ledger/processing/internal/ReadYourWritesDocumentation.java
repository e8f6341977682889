package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.platform.ErrorBodies;
import cn.gongkai.ledger.processing.ReadYourWrites;
import cn.gongkai.ledger.processing.ReadsProjection;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Describes the read-your-writes contract in the OpenAPI description, from the same sources as
 * the behaviour: {@value ReadYourWrites#EVENT_POSITION} on the successful answers of every command
 * (POST, PUT, PATCH, DELETE), and on every endpoint marked {@link ReadsProjection} the
 * {@value ReadYourWrites#CONSISTENT_AFTER} header, the {@value ReadYourWrites#PARAMETER} parameter and
 * the 400, 422 and 503 (with {@code Retry-After}) they may cause.
 */
@Component
class ReadYourWritesDocumentation implements GlobalOperationComponentsCustomizer {

    private static final Set<RequestMethod> COMMANDS = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        return customize(operation, null, handlerMethod);
    }

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handlerMethod) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (command(handlerMethod)) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(ReadYourWrites.EVENT_POSITION, new Header()
                            .description("本次命令写入的最后一个事件的位置；未写入事件时不返回 / the global index of the"
                                    + " last event this command appended, to send back in X-Consistent-After; absent"
                                    + " when it appended none")
                            .schema(new IntegerSchema().format("int64")));
                }
            });
        }
        if (readsProjection(handlerMethod)) {
            String description = "仅在统计和列表已处理到该事件位置后应答（至多等待数秒，否则503） / answer only once the"
                    + " read models include this event position (a command's X-Event-Position); waits a few seconds"
                    + " at most, then 503";
            operation.addParametersItem(new HeaderParameter().name(ReadYourWrites.CONSISTENT_AFTER).required(false)
                    .description(description).schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new QueryParameter().name(ReadYourWrites.PARAMETER).required(false)
                    .description(description).schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            Content error = errorBody(components);
            ApiResponses responses = operation.getResponses();
            responses.computeIfAbsent("400", status -> new ApiResponse()
                    .description("输入有误 / invalid input (e.g. a malformed X-Consistent-After)").content(error));
            responses.computeIfAbsent("422", status -> new ApiResponse()
                    .description("违反业务规则 / a business rule refused it (e.g. an event position not yet stored)")
                    .content(error));
            responses.computeIfAbsent("503", status -> new ApiResponse()
                    .description("统计和列表尚未处理到该事件位置，请按 Retry-After 重试 / the read models have not yet"
                            + " processed the position; retry after Retry-After seconds")
                    .addHeaderObject("Retry-After", new Header().description("seconds / 秒")
                            .schema(new IntegerSchema()))
                    .content(error));
        }
        return operation;
    }

    private static boolean command(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(COMMANDS::contains);
    }

    private static boolean readsProjection(HandlerMethod handlerMethod) {
        return AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), ReadsProjection.class)
                || AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), ReadsProjection.class);
    }

    /** The error body's schema, registered in the components once. */
    private static Content errorBody(Components components) {
        Schema<?> schema;
        if (components == null) {
            schema = new Schema<>().type("object");
        } else {
            ResolvedSchema resolved = ModelConverters.getInstance()
                    .resolveAsResolvedSchema(new AnnotatedType(ErrorBodies.type()).resolveAsRef(true));
            if (resolved.referencedSchemas != null) {
                resolved.referencedSchemas.forEach((name, referenced) -> {
                    if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                        components.addSchemas(name, referenced);
                    }
                });
            }
            schema = resolved.schema;
        }
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                new MediaType().schema(schema));
    }
}
