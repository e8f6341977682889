package cn.gongkai.ledger.access.internal;

import cn.gongkai.ledger.access.AgencyIds;
import cn.gongkai.ledger.access.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The web edge of each agency's id space ({@link AgencyIds}), in one place for every endpoint:
 * before a handler runs, the ids in its path ({@code {requestId}}, {@code {disputeId}}, a dead-letter
 * {@code {sequenceId}}) are
 * resolved to the streams they name for the caller's agency; before a JSON answer is written, the
 * stream ids of the agency's aliases in it are replaced by the ids the agency knows them by. Ids in
 * request bodies are resolved by the few endpoints that take them (registration, filing a dispute,
 * the dispute list's filter).
 */
@ControllerAdvice
class AgencyIdTranslation implements HandlerInterceptor, WebMvcConfigurer, ResponseBodyAdvice<Object> {

    /** The path variables that name an application or a dispute (a dead-letter sequence is an application's). */
    private static final Set<String> ID_VARIABLES = Set.of("requestId", "disputeId", "sequenceId");

    private final AgencyIds ids;
    private final CurrentActor currentActor;
    private final JsonMapper json;

    AgencyIdTranslation(AgencyIds ids, CurrentActor currentActor, JsonMapper json) {
        this.ids = ids;
        this.currentActor = currentActor;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || variables.keySet().stream().noneMatch(ID_VARIABLES::contains)) {
            return true;
        }
        Optional<String> agencyId = currentActor.find().map(actor -> actor.agencyId());
        if (agencyId.isEmpty()) {
            return true;
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        variables.forEach((name, value) -> resolved.put((String) name,
                ID_VARIABLES.contains(name) ? resolve(agencyId.get(), (String) value) : (String) value));
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, resolved);
        return true;
    }

    /** A malformed id is left as it is, so that binding refuses it as before (400 naming the field). */
    private String resolve(String agencyId, String value) {
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            return value;
        }
        return ids.resolve(agencyId, id).toString();
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof CharSequence || body instanceof byte[]
                || contentType == null || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return body;
        }
        Optional<String> agencyId = currentActor.find().map(actor -> actor.agencyId());
        if (agencyId.isEmpty()) {
            return body;
        }
        Map<UUID, UUID> clientIds;
        try {
            clientIds = ids.clientIdsOf(agencyId.get());
        } catch (DataAccessException unavailable) {
            // e.g. the answer to a database outage: the answer must not turn into another failure; at
            // worst the agency sees the stream id of its own object, which tells it nothing new
            return body;
        }
        if (clientIds.isEmpty()) {
            return body;
        }
        Map<String, String> replacements = new LinkedHashMap<>();
        clientIds.forEach((stream, client) -> replacements.put(stream.toString(), client.toString()));
        JsonNode tree = json.valueToTree(body);
        return replaceIds(tree, replacements);
    }

    private static JsonNode replaceIds(JsonNode node, Map<String, String> replacements) {
        if (node.isString()) {
            String replacement = replacements.get(node.asString());
            return replacement == null ? node : StringNode.valueOf(replacement);
        }
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(name, replaceIds(object.get(name), replacements));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceIds(array.get(i), replacements));
            }
        }
        return node;
    }
}
