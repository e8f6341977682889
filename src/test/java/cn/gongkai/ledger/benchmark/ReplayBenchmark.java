package cn.gongkai.ledger.benchmark;

import cn.gongkai.ledger.requests.RequestJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replay an integrator runs (issue 10, "Must show"): against a running service
 * ({@code gongkai.replay.url}, default {@code http://localhost:8080}, as {@code ./mvnw spring-boot:test-run}
 * starts it), the demo ADMIN mints two API tokens, one for a handler service account and one for a
 * reviewer's; then {@code gongkai.replay.clients} clients (default 8) register and conclude
 * {@code gongkai.replay.applications} applications (default 2,000) of this year between them: received,
 * answer drafted (handler token), approved (reviewer token: a second actor, as the rule wants), answered.
 * Each command's answer carries {@code X-Event-Position}; the replay keeps the highest and reads the
 * annual tables <em>once</em> at the end with {@code X-Consistent-After}, no polling, and checks that
 * every count it sent (received, and each outcome, per applicant category) arrived.
 *
 * <p>The baseline is the tables read with the first registration's position, before the rest is
 * sent, so that a service with data of its own (the demo data) is measured too. Nobody else should
 * write to the agency's current year meanwhile. Run by {@code bench/replay}, never by {@code verify}.
 */
@EnabledIfSystemProperty(named = "gongkai.benchmark", matches = "true")
class ReplayBenchmark {

    private static final String EVENT_POSITION = "X-Event-Position";
    private static final String CONSISTENT_AFTER = "X-Consistent-After";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(gk_[A-Za-z0-9_-]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CATEGORIES = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
            "RESEARCH_INSTITUTION", "SOCIAL_WELFARE_ORGANIZATION", "LEGAL_SERVICE_INSTITUTION", "OTHER_ORGANIZATION");
    private static final List<String> OUTCOMES = List.of("DISCLOSED", "PARTIALLY_DISCLOSED");

    private final String base = System.getProperty("gongkai.replay.url", "http://localhost:8080");
    private final int applications = Integer.getInteger("gongkai.replay.applications", 2000);
    private final int clients = Integer.getInteger("gongkai.replay.clients", 8);
    private final Path results = Path.of(System.getProperty("gongkai.benchmark.results", "docs/benchmarks.md"));
    private final String commit = System.getProperty("gongkai.benchmark.commit", "?");

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private final AtomicLong lastPosition = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    /** What was sent after the baseline, as (row, column) → count. */
    private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

    @Test
    void registerAndConcludeThroughTheApiThenReadTheTablesOnce() throws Exception {
        String loadBefore = Machine.load();
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        String handler = "Bearer " + mint("svc-replay-h-" + suffix, "HANDLER");
        String reviewer = "Bearer " + mint("svc-replay-r-" + suffix, "REVIEWER");
        int year = today.getYear();
        String tablesPath = "/api/statistics/" + year;
        HttpClient http = client();

        long began = System.nanoTime();
        // the baseline: the tables with the first application received, read with its position
        Answer first = send(http, handler, "POST", "/api/requests", RequestJson.received(receivedOn(0),
                category(0), "申请人0"), null);
        JsonNode baseline = read(http, handler, tablesPath, first.position());
        conclude(http, handler, reviewer, first.json().get("requestId").asString(), 0);

        List<Thread> threads = new ArrayList<>();
        AtomicInteger next = new AtomicInteger(1);
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                HttpClient own = client();
                for (int i = next.getAndIncrement(); i < applications; i = next.getAndIncrement()) {
                    try {
                        Answer registered = send(own, handler, "POST", "/api/requests", RequestJson.received(
                                receivedOn(i), category(i), "申请人" + i), null);
                        count("RECEIVED", category(i));
                        conclude(own, handler, reviewer, registered.json().get("requestId").asString(), i);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        System.err.println("application " + i + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long sentAt = System.nanoTime();
        JsonNode tables = read(http, handler, tablesPath, lastPosition.get());
        long readAt = System.nanoTime();

        List<String> mismatches = compare(baseline.get("part3").get("cells"), tables.get("part3").get("cells"));
        double seconds = (readAt - began) / 1e9;
        String section = """

                ### Replay through the API with read-your-writes: run of %s

                - machine: %d cores (%s), %s RAM; load average before %s, after %s
                - command: `bench/replay` (`./mvnw -o test -Dtest=ReplayBenchmark -Dgongkai.benchmark=true`) against
                  `%s` started by `./mvnw -o spring-boot:test-run` (embedded PostgreSQL and Kafka, demo users); commit %s
                - %,d applications of %d registered and concluded (received, drafted, approved by a second
                  token, answered: %,d commands) by %d clients with two API tokens; then the annual tables read
                  once with `X-Consistent-After` (the highest `X-Event-Position`, %d)
                - **%.1f s** in all (%.1f applications/s, %.1f commands/s); the one read of the tables took %.0f ms
                  and %s
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), Machine.memory(), loadBefore, Machine.load(), base, commit, applications, year,
                applications * 4, clients, lastPosition.get(), seconds, applications / seconds,
                applications * 4 / seconds, (readAt - sentAt) / 1e6,
                mismatches.isEmpty() && failures.get() == 0
                        ? "every count sent was in it (received and each outcome, per applicant category)"
                        : failures.get() + " applications failed; cells that differ: " + mismatches);
        System.out.println(section);
        Files.writeString(results, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (failures.get() > 0 || !mismatches.isEmpty()) {
            throw new AssertionError(failures.get() + " applications failed; cells that differ: " + mismatches);
        }
    }

    /** Drafted by the handler's token, approved by the reviewer's, answered by the handler's, all today. */
    private void conclude(HttpClient http, String handler, String reviewer, String id, int i) {
        String path = "/api/requests/" + id;
        String outcome = OUTCOMES.get(i % OUTCOMES.size());
        send(http, handler, "POST", path + "/answer-draft", """
                {"outcome":"%s","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}"""
                .formatted(outcome, today), null);
        send(http, reviewer, "POST", path + "/answer-draft/approval", RequestJson.date("approvedOn", today), null);
        send(http, handler, "POST", path + "/answer", RequestJson.date("answeredOn", today), null);
        count(outcome, category(i));
    }

    private void count(String row, String category) {
        sent.computeIfAbsent(row + "/" + category, key -> new AtomicInteger()).incrementAndGet();
        sent.computeIfAbsent(row + "/TOTAL", key -> new AtomicInteger()).incrementAndGet();
    }

    /** The cells whose growth from the baseline is not what was sent after it. */
    private List<String> compare(JsonNode before, JsonNode after) {
        Map<String, Integer> expected = new TreeMap<>();
        sent.forEach((cell, count) -> expected.put(cell, count.get()));
        List<String> mismatches = new ArrayList<>();
        expected.forEach((cell, count) -> {
            String[] at = cell.split("/");
            long grew = after.get(at[0]).get(at[1]).asLong() - before.get(at[0]).get(at[1]).asLong();
            if (grew != count) {
                mismatches.add(cell + ": sent " + count + ", grew " + grew);
            }
        });
        return mismatches;
    }

    private JsonNode read(HttpClient http, String authorization, String path, long position) {
        Answer answer = send(http, authorization, "GET", path, null, Long.toString(position));
        return answer.json();
    }

    /** Receipt dates spread over the last ten days, within this year. */
    private LocalDate receivedOn(int i) {
        LocalDate date = today.minusDays(i % 10);
        return date.getYear() == today.getYear() ? date : today;
    }

    private static String category(int i) {
        return CATEGORIES.get(i % CATEGORIES.size());
    }

    private Answer send(HttpClient http, String authorization, String method, String path, String body,
                        String consistentAfter) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization);
        if (consistentAfter != null) {
            request.header(CONSISTENT_AFTER, consistentAfter);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " "
                        + answer.body());
            }
            answer.headers().firstValue(EVENT_POSITION).map(Long::parseLong)
                    .ifPresent(position -> lastPosition.accumulateAndGet(position, Math::max));
            return new Answer(answer.body(), answer.headers().firstValue(EVENT_POSITION).map(Long::parseLong).orElse(-1L));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API token of the demo agency for a new service account with one role, minted by the demo ADMIN. */
    private String mint(String serviceAccount, String role) throws Exception {
        String body = """
                {"name":"replay","serviceAccount":"%s","roles":["%s"],"expiresAt":"%s"}"""
                .formatted(serviceAccount, role, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
        HttpResponse<String> created = client().send(HttpRequest.newBuilder(URI.create(base + "/api/admin/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin-kaifaqu:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher secret = SECRET.matcher(created.body());
        if (created.statusCode() != 201 || !secret.find()) {
            throw new IllegalStateException("minting the replay's token answered " + created.statusCode());
        }
        return secret.group(1);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private record Answer(String body, long position) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
