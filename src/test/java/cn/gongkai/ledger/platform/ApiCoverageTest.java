package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiCoverageTest {

    private static final JsonNode DESCRIPTION = JsonMapper.builder().build().readTree("""
            {"paths":{
              "/api/requests":{"post":{"responses":{"201":{},"400":{}}},"get":{"responses":{"200":{}}}},
              "/api/requests/{requestId}":{"get":{"responses":{"200":{},"404":{}}}},
              "/api/requests/{requestId}/answer":{"post":{"responses":{"200":{},"422":{}}}},
              "/api/statistics/{year}/{table}":{"get":{"responses":{"200":{}}}},
              "/api/statistics/{year}/as-of":{"get":{"responses":{"200":{},"400":{}}}}}}""");

    @Test
    void documentedStatusesPass() {
        assertThat(ApiCoverage.undocumented(DESCRIPTION, List.of(
                "POST\t/api/requests\t201", "GET\t/api/requests/7d0f3a52\t404", "HEAD\t/api/requests\t200",
                "POST\t/api/requests/7d0f3a52/answer\t422", "GET\t/web/requests\t500", "OPTIONS\t/api/requests\t200")))
                .isEmpty();
    }

    @Test
    void aStatusTheOperationDoesNotListIsReportedOnceWithItsTemplate() {
        assertThat(ApiCoverage.undocumented(DESCRIPTION, List.of(
                "POST\t/api/requests/7d0f3a52/answer\t409", "POST\t/api/requests/1b2c/answer\t409")))
                .containsExactly("POST /api/requests/{requestId}/answer → 409: not among its responses [200, 422] "
                        + "(2 distinct calls, e.g. /api/requests/7d0f3a52/answer)");
    }

    @Test
    void theMostLiteralTemplateWins() {
        assertThat(ApiCoverage.undocumented(DESCRIPTION, List.of("GET\t/api/statistics/2025/as-of\t400")))
                .isEmpty();
        assertThat(ApiCoverage.undocumented(DESCRIPTION, List.of("GET\t/api/statistics/2025/part3\t400")))
                .containsExactly("GET /api/statistics/{year}/{table} → 400: not among its responses [200] "
                        + "(1 distinct call, e.g. /api/statistics/2025/part3)");
    }

    @Test
    void aCallNoOperationDescribesIsReportedUnlessRefusedAsSuch() {
        assertThat(ApiCoverage.undocumented(DESCRIPTION, List.of(
                "DELETE\t/api/requests\t405", "GET\t/api/nothing\t404", "GET\t/api/nothing\t401",
                "GET\t/api/agencies\t200")))
                .containsExactly("GET /api/agencies → 200: no operation in the description "
                        + "(1 distinct call, e.g. /api/agencies)");
    }
}
