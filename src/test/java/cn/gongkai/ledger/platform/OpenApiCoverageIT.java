package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.LedgerIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API description lists every status the service really answers: every call the integration
 * tests made in this run (recorded by {@link ApiCallRecorder}) is compared with {@code /v3/api-docs}.
 * Runs after every other test class ({@code ContextGroupOrder}); run on its own, or
 * after tests that called no API, it has nothing to check and is skipped. To check a few tests,
 * name it with them: {@code -Dtest='RequestLifeIT,OpenApiCoverageIT'}.
 */
@LedgerIntegrationTest
class OpenApiCoverageIT {

    @LocalServerPort
    int port;

    @Test
    void everyStatusTheServiceAnsweredIsInItsOperationsDescription() throws IOException {
        assumeTrue(ApiCallRecorder.recordedInThisRun(), "no test before this one called the API in this run");
        List<String> calls = Files.readAllLines(ApiCallRecorder.FILE, StandardCharsets.UTF_8);

        List<String> undocumented = ApiCoverage.undocumented(new Api(port).get(null, "/v3/api-docs").json(), calls);

        assertThat(undocumented)
                .as("answers whose status the operation's entry in /v3/api-docs does not list (%d distinct calls "
                        + "recorded in %s): add an @ApiResponse on the endpoint (or, for what every operation can "
                        + "answer, to platform.ApiContract), or fix the endpoint:%n  %s%n",
                        calls.size(), ApiCallRecorder.FILE, String.join(System.lineSeparator() + "  ", undocumented))
                .isEmpty();
    }
}
