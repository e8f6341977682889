package cn.gongkai.ledger.processing;

import static cn.gongkai.ledger.requests.ApplicationSteps.conclude;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.requests.RequestJson;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Read-your-writes (ADR 0014): a command's answer carries {@code X-Event-Position}, and every
 * endpoint served from a read model, read with it in {@code X-Consistent-After} (or
 * {@code ?consistentAfter=}), shows that command's effect on the first read, without polling.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "gongkai.test.database=read-your-writes")
class ReadYourWritesIT {

    private static final String HANDLER = "handler-kaifaqu";
    private static final String HEAD = "head-kaifaqu";
    private static final String AUDITOR = "auditor-kaifaqu";
    private static final String AFTER = ReadYourWrites.CONSISTENT_AFTER;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    /** The service, signed in per call (LedgerIntegrationExtension). */
    Api api;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProcessorProgress progress;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRequestListShowsARegistrationOnTheFirstRead() {
        Registered registered = register(api, HANDLER, today);

        Response list = api.get(HANDLER, "/api/requests?size=500", AFTER, registered.position());

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsString("requestId")).contains(registered.id());
    }

    @Test
    void theAnnualTablesAsOfAndExportCountARegistrationOnTheFirstRead() {
        int year = today.getYear();
        Registered first = register(api, HANDLER, today);
        long before = received(api.get(HEAD, "/api/statistics/" + year, AFTER, first.position()));

        Registered second = register(api, HANDLER, today);
        Response tables = api.get(HEAD, "/api/statistics/" + year + "?consistentAfter=" + second.position());
        Response asOf = api.get(HEAD, "/api/statistics/" + year + "/as-of?at="
                + java.net.URLEncoder.encode(java.time.OffsetDateTime.now().toString(), java.nio.charset.StandardCharsets.UTF_8),
                AFTER, second.position());
        Response export = api.get(HEAD, "/api/statistics/" + year + "/export?format=JSON", AFTER, second.position());

        assertThat(received(tables)).isEqualTo(before + 1);
        assertThat(received(asOf)).isEqualTo(before + 1);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(exportedReceived(export.json())).isEqualTo(before + 1);
    }

    /**
     * The list's processor has four segments; a registration goes to one of them. The others store their
     * tokens only every few seconds when they have nothing to handle, and a read must not wait for them:
     * the processor counts as having processed the registration while another segment's stored token is
     * still short of it.
     */
    @Test
    void aReadWaitsOnlyForTheSegmentThatOwnsTheApplication() {
        Registered registered = register(api, HANDLER, today);
        long position = Long.parseLong(registered.position());

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> progress.hasProcessed("request-summary", position));
        List<Long> stored = storedPositions("request-summary");

        assertThat(stored).hasSize(4);
        assertThat(stored).as("the stored tokens of the list's segments when the registration counted as processed")
                .anyMatch(segment -> segment < position);
    }

    @Test
    void aCellListsARegistrationOnTheFirstRead() {
        Registered registered = register(api, HANDLER, today);

        Response cell = api.get(AUDITOR, "/api/statistics/" + today.getYear() + "/cells/RECEIVED/NATURAL_PERSON",
                AFTER, registered.position());

        assertThat(cell.status()).as(cell.toString()).isEqualTo(200);
        assertThat(cell.json().findValuesAsString("requestId")).contains(registered.id());
    }

    @Test
    void aPublicationIsDiffedOnTheFirstReadAfterPublishing() {
        Response closed = api.post(HEAD, "/api/statistics/2013/close", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        assertThat(closed.header(ReadYourWrites.EVENT_POSITION)).isNotNull();
        Response published = api.post(HEAD, "/api/statistics/2013/publish", "", AFTER,
                closed.header(ReadYourWrites.EVENT_POSITION));
        assertThat(published.status()).as(published.toString()).isBetween(200, 201);

        Response diff = api.get(HEAD, "/api/statistics/2013/publication-diff", AFTER,
                published.header(ReadYourWrites.EVENT_POSITION));

        assertThat(diff.status()).as(diff.toString()).isEqualTo(200);
        assertThat(diff.json().get("publishedVersion").asInt()).isEqualTo(1);
    }

    @Test
    void theDisputeListAndCellsShowAFilingOnTheFirstRead() {
        Registered registered = register(api, HANDLER, today);
        conclude(api, registered.id(), "DISCLOSED", today);
        Response filed = api.post(HANDLER, "/api/disputes", """
                {"requestId":"%s","kind":"RECONSIDERATION","filedOn":"%s"}""".formatted(registered.id(), today));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String position = filed.header(ReadYourWrites.EVENT_POSITION);
        String disputeId = filed.json().get("disputeId").asString();

        Response list = api.get(HANDLER, "/api/disputes?requestId=" + registered.id(), AFTER, position);
        Response cell = api.get(HANDLER, "/api/disputes/cells/RECONSIDERATION/PENDING?year=" + today.getYear(),
                AFTER, position);
        Response tables = api.get(HEAD, "/api/statistics/" + today.getYear(), AFTER, position);

        assertThat(list.json().findValuesAsString("disputeId")).containsExactly(disputeId);
        assertThat(cell.json().findValuesAsString("disputeId")).contains(disputeId);
        assertThat(tables.json().get("part4").get("cells").get("RECONSIDERATION").get("PENDING").asLong())
                .isPositive();
    }

    @Test
    void theAuditViewsShowAStepOnTheFirstRead() {
        Registered registered = register(api, "lead-kaifaqu", today);
        long position = Long.parseLong(registered.position());

        Response history = api.get(AUDITOR, "/api/audit/requests/" + registered.id(), AFTER, registered.position());
        Response activity = api.get(AUDITOR, "/api/audit/users/lead-kaifaqu/activity?from=%s&to=%s&size=200"
                .formatted(today, today), AFTER, registered.position());

        assertThat(positions(history.json().get("steps"))).contains(position);
        long total = activity.json().get("total").asLong();
        JsonNode last = total <= 200 ? activity.json() : api.get(AUDITOR,
                "/api/audit/users/lead-kaifaqu/activity?from=%s&to=%s&size=200&page=%d"
                        .formatted(today, today, (total - 1) / 200)).json();
        assertThat(positions(last.get("steps"))).contains(position);
    }

    @Test
    void theAuditedChangesOfAYearShowACorrectionOnTheFirstRead() {
        Registered registered = register(api, HANDLER, today);
        conclude(api, registered.id(), "DISCLOSED", today);
        Response corrected = api.post("reviewer2-kaifaqu", "/api/requests/" + registered.id() + "/category-correction",
                """
                {"correctedCategory":"RESEARCH_INSTITUTION","reason":"申请人为科研机构","correctedOn":"%s"}"""
                        .formatted(today));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        String position = corrected.header(ReadYourWrites.EVENT_POSITION);

        Response changes = api.get(AUDITOR, "/api/audit/years/" + today.getYear() + "/changes", AFTER, position);

        assertThat(positions(changes.json().get("changes").findValues("step"))).contains(Long.parseLong(position));
    }

    @Test
    void everyStepOfAnApplicationAnswersThePositionOfItsLastEvent() {
        Registered registered = register(api, HANDLER, today);
        String path = "/api/requests/" + registered.id();
        Response drafted = api.post(HANDLER, path + "/answer-draft", """
                {"outcome":"DISCLOSED","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}""".formatted(today));

        Response history = api.get(AUDITOR, "/api/audit/requests/" + registered.id(), AFTER,
                drafted.header(ReadYourWrites.EVENT_POSITION));

        List<Long> positions = positions(history.json().get("steps"));
        assertThat(positions).containsExactly(Long.parseLong(registered.position()),
                Long.parseLong(drafted.header(ReadYourWrites.EVENT_POSITION)));
        // the single application is read from the event store: the header is accepted and changes nothing
        Response single = api.get(HANDLER, path, AFTER, drafted.header(ReadYourWrites.EVENT_POSITION));
        assertThat(single.status()).as(single.toString()).isEqualTo(200);
        assertThat(single.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aReadWhoseProcessorIsStoppedAnswers503WithRetryAfterAndTheRestartedOneAnswers() {
        EventProcessor summaries = processing.eventProcessor("request-summary").orElseThrow();
        Registered registered;
        try {
            summaries.shutDown();
            registered = register(api, HANDLER, today);

            Response behind = api.get(HANDLER, "/api/requests", AFTER, registered.position());

            assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
            assertThat(behind.header("Retry-After")).isEqualTo("1");
            assertThat(behind.json().get("rule").asString()).isEqualTo("ReadModelsCaughtUp");
            assertThat(behind.json().get("message").asString()).contains("request-summary");
            assertThat(behind.json().get("messageEn").asString()).contains("request-summary");
        } finally {
            summaries.start();
        }
        // a restarted processor claims its segments again first: until then the read may still answer 503
        Response caughtUp = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(HANDLER, "/api/requests?size=500", AFTER, registered.position()),
                        answer -> answer.status() != 503);
        assertThat(caughtUp.status()).as(caughtUp.toString()).isEqualTo(200);
        assertThat(caughtUp.json().get("items").findValuesAsString("requestId")).contains(registered.id());
    }

    @Test
    void aMalformedOrUnwrittenPositionIsRefusedNamingTheField() {

        Response letters = api.get(HANDLER, "/api/requests", AFTER, "abc");
        Response negative = api.get(HANDLER, "/api/requests?consistentAfter=-1");
        Response beyond = api.get(HANDLER, "/api/disputes", AFTER, "900000000000");

        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.json().get("fields").get(0).get("field").asString()).isEqualTo(AFTER);
        assertThat(letters.json().get("fields").get(0).get("label").asString()).isEqualTo("事件位置");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("fields").get(0).get("field").asString()).isEqualTo("consistentAfter");
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.json().get("rule").asString()).isEqualTo("EventPositionExists");
        assertThat(beyond.json().get("fields").get(0).get("field").asString()).isEqualTo(AFTER);
    }

    @Test
    void theContractIsInTheOpenApiDescription() {
        JsonNode paths = api.get(AUDITOR, "/v3/api-docs").json().get("paths");

        JsonNode register = paths.get("/api/requests").get("post").get("responses");
        List<String> withPosition = new ArrayList<>();
        register.properties().forEach(entry -> {
            if (entry.getValue().has("headers") && entry.getValue().get("headers").has(ReadYourWrites.EVENT_POSITION)) {
                withPosition.add(entry.getKey());
            }
        });
        JsonNode list = paths.get("/api/requests").get("get");

        assertThat(withPosition).isNotEmpty().allMatch(status -> status.startsWith("2"));
        assertThat(list.get("parameters").findValuesAsString("name")).contains(AFTER, "consistentAfter");
        assertThat(list.get("responses").get("503").get("headers").has("Retry-After")).isTrue();
        assertThat(paths.get("/api/requests/{requestId}").get("get").get("parameters").findValuesAsString("name"))
                .doesNotContain(AFTER);
    }

    private List<Long> storedPositions(String processor) {
        Serializer serializer = ((JdbcTokenStore) tokenStore).serializer();
        return jdbc.sql("select token, token_type from token_entry where processor_name = :name")
                .param("name", processor)
                .query((rs, row) -> rs.getBytes(1) == null ? -1L : ProcessorProgress.globalIndex((TrackingToken)
                        serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(1), byte[].class,
                                rs.getString(2), null))))
                .list();
    }

    private static Registered register(Api api, String user, LocalDate receivedOn) {
        Response registered = api.post(user, "/api/requests", RequestJson.received(receivedOn));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String position = registered.header(ReadYourWrites.EVENT_POSITION);
        assertThat(position).matches("\\d+");
        return new Registered(registered.json().get("requestId").asString(), position);
    }

    private static long received(Response tables) {
        assertThat(tables.status()).as(tables.toString()).isEqualTo(200);
        return tables.json().get("part3").get("cells").get("RECEIVED").get("TOTAL").asLong();
    }

    private static long exportedReceived(JsonNode export) {
        for (JsonNode row : export.get("part3").get("rows")) {
            if ("RECEIVED".equals(row.get("row").asString())) {
                return row.get("cells").get("TOTAL").asLong();
            }
        }
        throw new AssertionError("no row RECEIVED in " + export);
    }

    private static List<Long> positions(JsonNode steps) {
        List<Long> positions = new ArrayList<>();
        steps.forEach(step -> positions.add(step.get("position").asLong()));
        return positions;
    }

    private static List<Long> positions(List<JsonNode> steps) {
        return steps.stream().map(step -> step.get("position").asLong()).toList();
    }

    private record Registered(String id, String position) {
    }
}
