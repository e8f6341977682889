package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description as published in {@code schemas/openapi.json} is what the running service
 * describes at {@code /v3/api-docs}; and the description is complete in the ways a reader needs:
 * a summary in Chinese and English, a success answer and the error body for every operation, an
 * example for every request body, the two ways to log in.
 */
@LedgerIntegrationTest
class OpenApiContractIT {

    static final Path PUBLISHED = Path.of("schemas", "openapi.json");
    static final String WRITE = "gongkai.openapi.write";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    private JsonNode live;

    @BeforeEach
    void readDescription() {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        live = docs.json();
    }

    @Test
    void theRunningServiceDescribesTheApiAsPublished() throws IOException {
        String current = canonical(live);
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(PUBLISHED, current, StandardCharsets.UTF_8);
        }
        String published = Files.exists(PUBLISHED) ? Files.readString(PUBLISHED, StandardCharsets.UTF_8) : "";
        if (!published.equals(current)) {
            fail("""
                    %s differs from the running service's /v3/api-docs, first at line %d:
                      published: %s
                      running:   %s
                    If the change to the API is meant, publish it and commit the file:
                      ./mvnw -o test -Dtest=OpenApiContractIT -D%s=true""",
                    PUBLISHED, firstDifference(published, current) + 1,
                    line(published, firstDifference(published, current)),
                    line(current, firstDifference(published, current)), WRITE);
        }
    }

    @Test
    void everyOperationIsDescribedForAReader() {
        List<String> missing = new ArrayList<>();
        live.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode described = entry.getValue();
            String summary = described.path("summary").asString("");
            if (!summary.matches(".*\\p{IsHan}.* / .*\\p{IsLatin}.*")) {
                missing.add(operation + ": no summary \"中文 / English\" (@Operation(summary = …))");
            }
            JsonNode responses = described.path("responses");
            List<String> codes = new ArrayList<>();
            responses.properties().forEach(response -> codes.add(response.getKey()));
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                missing.add(operation + ": no success answer");
            }
            responses.properties().stream()
                    .filter(response -> response.getKey().matches("[45]\\d\\d"))
                    .filter(response -> !response.getValue().path("content").path("application/json").path("schema")
                            .path("$ref").asString("").endsWith("/" + ApiContract.ERROR_SCHEMA))
                    .forEach(response -> missing.add(operation + ": " + response.getKey() + " without the error body"));
            if (described.has("requestBody") && described.path("requestBody").path("content").properties().stream()
                    .anyMatch(media -> media.getValue().path("examples").isEmpty())) {
                missing.add(operation + ": no example of its request body (" + ApiContract.EXAMPLES + ")");
            }
        }));
        assertThat(missing).as("operations described incompletely").isEmpty();
    }

    @Test
    void swaggerUiSpeaksTheDomainsWordsAndOffersTokensAndBasic() {
        assertThat(live.path("info").path("title").asString()).isEqualTo("公开台账 Gongkai Ledger API");
        assertThat(live.path("info").path("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(live.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(live.path("components").path("securitySchemes").path("basicAuth").path("scheme").asString())
                .isEqualTo("basic");
        assertThat(live.path("security").toString()).contains("bearerAuth", "basicAuth");
        List<String> tags = new ArrayList<>();
        live.path("tags").forEach(tag -> tags.add(tag.path("name").asString()));
        assertThat(tags).contains("申请登记与办理 Applications", "年度报表 Annual report tables",
                "复议诉讼 Reconsideration and litigation", "审计 Audit", "工作日历 Working-day calendar",
                "管理 Administration");
        List<String> used = new ArrayList<>();
        live.path("paths").forEach(path -> path.forEach(operation -> operation.path("tags")
                .forEach(tag -> used.add(tag.asString()))));
        assertThat(used).as("every operation in one of the groups").isNotEmpty().allMatch(tags::contains);
        assertThat(live.path("paths").propertyNames()).as("pages are not part of the API")
                .allMatch(path -> path.startsWith("/api/"));
    }

    /** Sorted keys at every level, pretty-printed, one final line break: the form of the published file. */
    static String canonical(JsonNode description) {
        return JSON.writeValueAsString(sorted(description)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static int firstDifference(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int i = 0;
        while (i < Math.min(left.length, right.length) && left[i].equals(right[i])) {
            i++;
        }
        return i;
    }

    private static String line(String text, int index) {
        String[] lines = text.split("\n", -1);
        return index < lines.length ? lines[index].strip() : "(end of file)";
    }
}
