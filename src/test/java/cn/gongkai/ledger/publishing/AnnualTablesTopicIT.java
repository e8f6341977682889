package cn.gongkai.ledger.publishing;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.GongkaiLedgerApplication;
import cn.gongkai.ledger.TestDatabase;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.publishing.consumer.Part3FromRequestsTopic;
import com.networknt.schema.Error;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Applications over four years driven through the API, on a service with a broker and a database
 * of its own (so that the topics hold exactly this service's messages):
 * <ul>
 *   <li>(d) the example consumer, from {@code gongkai.requests.v1} alone, gets the service's part 三
 *       of every agency-year cell by cell;</li>
 *   <li>the compacted {@code gongkai.annual-tables.v1} carries, as the latest record of each
 *       {@code agency:year}, the service's tables, also after a later change; every record matches
 *       its schemas.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualTablesTopicIT {

    private static final String AGENCY = "kaifaqu";
    private static final Duration PUBLISHED = Duration.ofSeconds(90);
    private static final List<String> CATEGORIES = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
            "RESEARCH_INSTITUTION");

    static TestKafka kafka;
    static ConfigurableApplicationContext service;
    static Api api;
    static LocalDate today;
    static int firstYear;
    static int currentYear;
    /** An application concluded in the year before the current one, for the later change. */
    static String concludedLastYear;

    @BeforeAll
    static void driveApplicationsOverFourYears() {
        kafka = TestKafka.temporary();
        service = start(kafka.bootstrapServers());
        api = new Api(((WebServerApplicationContext) service).getWebServer().getPort());
        today = BusinessClock.today(service.getBean(Clock.class));
        currentYear = today.getYear();
        firstYear = currentYear - 3;

        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            int year = firstYear + i % 4;
            LocalDate receivedOn = atMostToday(LocalDate.of(year, 1 + (i * 5) % 12, 1 + (i * 7) % 28));
            String id = register(receivedOn, CATEGORIES.get(i % 3));
            switch (i % 6) {
                case 0 -> answer(id, "DISCLOSED", receivedOn.plusDays(10), answered);
                case 1 -> answer(id, "PARTIALLY_DISCLOSED", receivedOn.plusDays(75), answered); // often the next year
                case 2 -> withdraw(id, receivedOn.plusDays(5));
                case 3 -> answer(id, "UNAVAILABLE_NOT_HELD", receivedOn.plusDays(20), answered);
                case 4 -> withdraw(id, receivedOn.plusDays(200)); // often the next year
                default -> {
                    // left open: carried forward
                }
            }
        }
        // received late December, answered in January: carried over once
        String acrossYears = register(LocalDate.of(firstYear + 1, 12, 28), "NATURAL_PERSON");
        answer(acrossYears, "DISCLOSED", LocalDate.of(firstYear + 2, 1, 9), answered);
        concludedLastYear = register(LocalDate.of(currentYear - 1, 3, 3), "RESEARCH_INSTITUTION");
        answer(concludedLastYear, "DISCLOSED", LocalDate.of(currentYear - 1, 3, 20), answered);

        // corrections after the fact: an outcome, and a category across years
        ok(api.post("reviewer2-kaifaqu", "/api/requests/" + answered.get(1) + "/outcome-correction", """
                {"correctedOutcome":"WITHHELD_THIRD_PARTY_RIGHTS","reason":"复核更正","correctedOn":"%s"}"""
                .formatted(today)));
        ok(api.post("reviewer2-kaifaqu", "/api/requests/" + acrossYears + "/category-correction", """
                {"correctedCategory":"LEGAL_SERVICE_INSTITUTION","reason":"登记有误","correctedOn":"%s"}"""
                .formatted(today)));

        // the first year is closed, then an application of that year registered late
        Response close = api.post("head-kaifaqu", "/api/statistics/" + firstYear + "/close", "");
        assertThat(close.status()).as(close.toString()).isEqualTo(202);
        register(LocalDate.of(firstYear, 12, 30), "COMMERCIAL_ENTERPRISE");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void theConsumerRebuildsEveryAgencyYearsPart3FromTheRequestsTopicAlone() {
        try (Part3FromRequestsTopic consumer = new Part3FromRequestsTopic(kafka.bootstrapServers())) {
            await().atMost(PUBLISHED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                consumer.catchUp();
                for (int year = firstYear; year <= currentYear; year++) {
                    JsonNode expected = tables(year).get("part3").get("cells");
                    assertThat(differences(expected, consumer.part3(AGENCY, year)))
                            .as("part 三 of %s:%d, consumer vs service", AGENCY, year).isEmpty();
                }
            });
            assertThat(consumer.applied()).isPositive();
        }
        // the comparison is not vacuous: every row the scenario touches has numbers
        JsonNode cells = tables(firstYear + 2).get("part3").get("cells");
        assertThat(cells.get("CARRIED_OVER").get("TOTAL").asLong()).isPositive();
        assertThat(cells.get("RESOLVED_TOTAL").get("LEGAL_SERVICE_INSTITUTION").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theCompactedTopicCarriesTheLatestTablesOfEachAgencyYearAndEveryRecordMatchesItsSchemas() throws Exception {
        await().atMost(PUBLISHED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, JsonNode> latest = latest(readTablesTopic());
            for (int year = firstYear; year <= currentYear; year++) {
                assertMatchesService(latest.get(AGENCY + ":" + year), year);
            }
        });
        List<Message> all = readTablesTopic();
        assertThat(all).allSatisfy(message -> {
            assertValid(message.json());
            assertThat(message.key()).isEqualTo(message.json().get("subject").asString());
            assertThat(message.headers()).containsEntry("content-type", "application/cloudevents+json; charset=UTF-8");
        });
        JsonNode first = latest(all).get(AGENCY + ":" + firstYear).get("data");
        assertThat(first.get("closed").asBoolean()).isTrue();
        assertThat(first.get("reconciled").asBoolean()).isTrue();
        assertThat(first.get("reconciliationFailures")).isEmpty();
        assertThat(first.get("part3").propertyNames()).first().isEqualTo("RECEIVED");
        assertThat(first.get("part3").propertyNames()).last().isEqualTo("CARRIED_FORWARD");
        assertThat(first.get("part4").get("RECONSIDERATION").propertyNames())
                .containsExactly("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, AnnualTablesMessages.TOPIC);
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }

    @Test
    @Order(3)
    void aLaterChangeIsPublishedAsTheNewLatestRecordOfItsAgencyYear() {
        int year = currentYear - 1;
        await().atMost(PUBLISHED).untilAsserted(() ->
                assertMatchesService(latest(readTablesTopic()).get(AGENCY + ":" + year), year));
        long disclosedBefore = tables(year).get("part3").get("cells").get("DISCLOSED").get("TOTAL").asLong();

        // when an outcome of last year is corrected
        ok(api.post("reviewer2-kaifaqu", "/api/requests/" + concludedLastYear + "/outcome-correction", """
                {"correctedOutcome":"UNAVAILABLE_REQUIRES_COMPILATION","reason":"复核更正","correctedOn":"%s"}"""
                .formatted(today)));

        // then the latest record of that agency-year shows it, as the service does
        await().atMost(PUBLISHED).untilAsserted(() -> {
            JsonNode cells = tables(year).get("part3").get("cells");
            assertThat(cells.get("DISCLOSED").get("TOTAL").asLong()).isEqualTo(disclosedBefore - 1);
            JsonNode latest = latest(readTablesTopic()).get(AGENCY + ":" + year);
            assertThat(latest.get("data").get("part3").get("UNAVAILABLE_REQUIRES_COMPILATION").get("RESEARCH_INSTITUTION")
                    .asLong()).isPositive();
            assertMatchesService(latest, year);
        });
        readTablesTopic().forEach(message -> assertValid(message.json()));
    }

    // --- helpers

    private static void assertMatchesService(JsonNode message, int year) {
        assertThat(message).as("a record for %s:%d", AGENCY, year).isNotNull();
        JsonNode view = tables(year);
        JsonNode data = message.get("data");
        assertThat(data.get("agencyId").asString()).isEqualTo(AGENCY);
        assertThat(data.get("year").asInt()).isEqualTo(year);
        assertThat(differences(view.get("part3").get("cells"), toMap(data.get("part3")))).as("part 三 of %d", year)
                .isEmpty();
        assertThat(differences(view.get("part4").get("cells"), toMap(data.get("part4")))).as("part 四 of %d", year)
                .isEmpty();
        assertThat(data.get("closed").asBoolean()).isEqualTo(view.get("closed").asBoolean());
        assertThat(data.get("reconciled").asBoolean()).isEqualTo(view.get("reconciled").asBoolean());
        List<String> rules = new ArrayList<>();
        view.get("reconciliationFailures").forEach(failure -> rules.add(failure.get("rule").asString()));
        List<String> published = new ArrayList<>();
        data.get("reconciliationFailures").forEach(failure -> published.add(failure.get("rule").asString()));
        assertThat(published).isEqualTo(rules);
    }

    /** The cells where {@code actual} differs from the service's {@code expected} (a missing cell is 0). */
    private static List<String> differences(JsonNode expected, Map<String, Map<String, Long>> actual) {
        List<String> differences = new ArrayList<>();
        for (String row : expected.propertyNames()) {
            for (String column : expected.get(row).propertyNames()) {
                long want = expected.get(row).get(column).asLong();
                long got = actual.getOrDefault(row, Map.of()).getOrDefault(column, 0L);
                if (want != got) {
                    differences.add(row + "/" + column + ": service " + want + ", published " + got);
                }
            }
        }
        actual.forEach((row, columns) -> columns.forEach((column, value) -> {
            if (value != 0 && (!expected.has(row) || !expected.get(row).has(column))) {
                differences.add(row + "/" + column + ": not in the service's table, published " + value);
            }
        }));
        return differences;
    }

    private static Map<String, Map<String, Long>> toMap(JsonNode cells) {
        Map<String, Map<String, Long>> map = new LinkedHashMap<>();
        for (String row : cells.propertyNames()) {
            Map<String, Long> columns = new LinkedHashMap<>();
            for (String column : cells.get(row).propertyNames()) {
                columns.put(column, cells.get(row).get(column).asLong());
            }
            map.put(row, columns);
        }
        return map;
    }

    private static void assertValid(JsonNode message) {
        List<Error> envelope = MessageContract.schema(MessageContract.SCHEMA_BASE + "annual-tables/envelope.v1.json")
                .validate(message);
        assertThat(envelope).as("envelope of %s", message).isEmpty();
        String dataschema = message.get("dataschema").asString();
        assertThat(dataschema).isEqualTo(MessageContract.SCHEMA_BASE + "annual-tables/AnnualTablesChanged.v1.json");
        assertThat(MessageContract.schema(dataschema).validate(message.get("data"))).as("data of %s", message).isEmpty();
    }

    private static List<Message> readTablesTopic() {
        return TopicReader.readAll(kafka.bootstrapServers(), AnnualTablesMessages.TOPIC);
    }

    /** The latest record of each key, as compaction keeps it (a key's records are in one partition). */
    private static Map<String, JsonNode> latest(List<Message> messages) {
        Map<String, Message> latest = new LinkedHashMap<>();
        messages.forEach(message -> latest.merge(message.key(), message,
                (a, b) -> a.offset() > b.offset() ? a : b));
        Map<String, JsonNode> values = new LinkedHashMap<>();
        latest.forEach((key, message) -> values.put(key, message.json()));
        return values;
    }

    private static JsonNode tables(int year) {
        Response response = api.get("head-kaifaqu", "/api/statistics/" + year);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static LocalDate atMostToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private static String register(LocalDate receivedOn, String category) {
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(receivedOn, category, "张三"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.json().get("requestId").asString();
    }

    private static void answer(String id, String outcome, LocalDate on, List<String> answered) {
        if (on.isAfter(today)) {
            return;
        }
        String path = "/api/requests/" + id;
        ok(api.post("handler-kaifaqu", path + "/answer-draft", """
                {"outcome":"%s","legalBasis":"条例第三十六条","text":"答复","draftedOn":"%s"}""".formatted(outcome, on)));
        ok(api.post("reviewer-kaifaqu", path + "/answer-draft/approval", date("approvedOn", on)));
        ok(api.post("handler-kaifaqu", path + "/answer", date("answeredOn", on)));
        answered.add(id);
    }

    private static void withdraw(String id, LocalDate on) {
        if (!on.isAfter(today)) {
            ok(api.post("handler-kaifaqu", "/api/requests/" + id + "/withdrawal", date("withdrawnOn", on)));
        }
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(String bootstrapServers) {
        return new SpringApplicationBuilder(GongkaiLedgerApplication.class)
                .profiles("test")
                .run(TestDatabase.arguments(TestDatabase.newDatabaseUrl(),
                        "--server.port=0",
                        "--gongkai.kafka.bootstrap-servers=" + bootstrapServers,
                        "--gongkai.year-close.automatic=false"));
    }
}
