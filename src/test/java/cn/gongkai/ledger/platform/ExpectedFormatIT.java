package cn.gongkai.ledger.platform;

import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refused date, instant or code says what was expected: the format with an example, or the valid
 * codes. Codes in paths and query parameters are read in any case.
 */
@LedgerIntegrationTest
class ExpectedFormatIT {

    private static final String TABLES = "/api/statistics/2025";

    Api api;

    @Test
    void anAsOfInstantWithoutOffsetIsRefusedWithTheExpectedFormat() {
        Response response = api.get("head-kaifaqu", TABLES + "/as-of?at=2026-01-31T17:00:00");

        JsonNode field = onlyField(response, "at");
        assertThat(field.get("messageZh").asText())
                .isEqualTo("应为带时区偏移的 ISO-8601 时间，例如 2026-01-31T17:00:00+08:00");
        assertThat(field.get("messageEn").asText()).contains("with offset", "2026-01-31T17:00:00+08:00");
        assertThat(api.get("head-kaifaqu", TABLES + "/as-of?at=2026-01-31T17:00:00%2B08:00").status()).isEqualTo(200);
    }

    @Test
    void anUnencodedPlusInTheOffsetIsExplained() {
        Response response = api.get("head-kaifaqu", TABLES + "/as-of?at=2026-01-31T17:00:00+08:00");

        assertThat(onlyField(response, "at").get("messageEn").asText()).contains("write + as %2B");
    }

    @Test
    void aDateInAnotherFormatIsRefusedWithTheExpectedFormatInTheBodyAndInAParameter() {
        Response body = api.post("handler-kaifaqu", "/api/requests",
                received(LocalDate.of(2026, 3, 15)).replace("2026-03-15", "2026/03/15"));
        Response parameter = api.get("head-kaifaqu", "/api/audit/users/handler-kaifaqu/activity?from=15.03.2026"
                + "&to=2026-03-16");

        assertThat(onlyField(body, "receivedOn").get("messageZh").asText()).isEqualTo("应为 yyyy-MM-dd 格式，例如 2026-03-15");
        assertThat(onlyField(parameter, "from").get("messageEn").asText()).isEqualTo("expected yyyy-MM-dd, e.g. 2026-03-15");
    }

    @Test
    void anInstantWithoutOffsetInABodyIsRefusedWithTheExpectedFormat() {
        Response response = api.post("admin-kaifaqu", "/api/admin/tokens", """
                {"name":"script","serviceAccount":"svc-format","roles":["HANDLER"],"expiresAt":"2026-12-31T00:00:00"}""");

        assertThat(onlyField(response, "expiresAt").get("messageZh").asText()).contains("带时区偏移的 ISO-8601 时间");
    }

    @Test
    void rowAndColumnCodesInAPathAreReadInAnyCase() {
        Response upper = api.get("head-kaifaqu", TABLES + "/cells/RECEIVED/NATURAL_PERSON");
        Response lower = api.get("head-kaifaqu", TABLES + "/cells/received/natural_person");
        Response mixed = api.get("head-kaifaqu", "/api/disputes/cells/Reconsideration/upheld?year=2025");

        assertThat(lower.status()).as(lower.toString()).isEqualTo(200);
        assertThat(lower.json()).isEqualTo(upper.json());
        assertThat(mixed.status()).as(mixed.toString()).isEqualTo(200);
    }

    @Test
    void anUnknownCodeInAPathIsRefusedListingTheValidCodes() {
        Response response = api.get("head-kaifaqu", TABLES + "/cells/RECEIVED/NOBODY");

        JsonNode field = onlyField(response, "column");
        assertThat(field.get("messageZh").asText()).startsWith("应为以下代码之一：").contains("NATURAL_PERSON", "TOTAL");
        assertThat(field.get("messageEn").asText()).startsWith("expected one of: ").contains("NATURAL_PERSON");
    }

    @Test
    void theExportFormatIsReadInAnyCaseAndWithoutOneTheAllowedFormatsAreListed() {
        Response lower = api.get("head-kaifaqu", TABLES + "/export?format=xlsx");
        Response missing = api.get("head-kaifaqu", TABLES + "/export");
        Response unknown = api.get("head-kaifaqu", TABLES + "/export?format=pdf");

        assertThat(lower.status()).as(lower.toString()).isEqualTo(200);
        assertThat(onlyField(missing, "format").get("messageEn").asText())
                .isEqualTo("required, expected one of: JSON, CSV, XLSX, HTML");
        assertThat(onlyField(unknown, "format").get("messageZh").asText()).isEqualTo("应为以下代码之一：JSON, CSV, XLSX, HTML");
    }

    @Test
    void aStatusFilterIsReadInAnyCase() {
        Response response = api.get("handler-kaifaqu", "/api/requests?status=in_progress");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static JsonNode onlyField(Response response, String name) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        JsonNode fields = response.json().get("fields");
        assertThat(fields).hasSize(1);
        assertThat(fields.get(0).get("field").asText()).isEqualTo(name);
        assertThat(fields.get(0).get("label").asText()).isEqualTo(FieldLabels.labelOf(name));
        return fields.get(0);
    }
}
