package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description lists every status the service really answers: every call the integration
 * tests made in this run (recorded by {@link ApiCallRecorder}, one file per JVM) is compared with
 * the published description, {@code schemas/openapi.json}, which {@link OpenApiContractIT} keeps
 * equal to the running service's {@code /v3/api-docs}: so this check starts no service. In the Maven
 * build it runs in an execution of its own after the forks that run every other class (pom.xml,
 * {@code openapi-coverage}), and reads the records of all of them; in one JVM it runs after every
 * other test class ({@code ContextGroupOrder}). When no test of the run called the API it has
 * nothing to check and is skipped. To check a few tests, run them:
 * {@code -Dtest='RequestLifeIT,BadInputIT'} (the coverage execution follows).
 */
class OpenApiCoverageIT {

    private static List<String> calls;

    @BeforeAll
    static void callsOfThisRun() {
        calls = recordedCalls(ApiCallRecorder.runDirectory());
        assumeFalse(calls.isEmpty(), "no test of this run called the API (" + ApiCallRecorder.runDirectory() + ")");
    }

    @Test
    void everyStatusTheServiceAnsweredIsInItsOperationsDescription() throws IOException {
        JsonNode description = JsonMapper.builder().build()
                .readTree(Files.readString(OpenApiContractIT.PUBLISHED, StandardCharsets.UTF_8));
        List<String> undocumented = ApiCoverage.undocumented(description, calls);

        assertThat(undocumented)
                .as("answers whose status the operation's entry in schemas/openapi.json does not list (%d distinct calls "
                        + "recorded in %s): add an @ApiResponse on the endpoint (or, for what every operation can "
                        + "answer, to platform.ApiContract), or fix the endpoint:%n  %s%n",
                        calls.size(), ApiCallRecorder.runDirectory(),
                        String.join(System.lineSeparator() + "  ", undocumented))
                .isEmpty();
    }

    /** The distinct calls in the records of every JVM of the run, in a stable order. */
    private static List<String> recordedCalls(Path runDirectory) {
        if (!Files.isDirectory(runDirectory)) {
            return List.of();
        }
        try (Stream<Path> records = Files.list(runDirectory)) {
            return records.filter(file -> file.getFileName().toString().endsWith(".tsv"))
                    .flatMap(OpenApiCoverageIT::lines)
                    .distinct()
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
