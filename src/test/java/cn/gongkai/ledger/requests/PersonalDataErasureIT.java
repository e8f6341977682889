package cn.gongkai.ledger.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.requests.events.ApplicantDetails;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 个人信息删除 end to end: the applicant's data is never stored in plain, an administrator erases it
 * after the retention period, and afterwards it reads as 已删除 while the stored events, the history,
 * the annual tables and the Kafka messages stay exactly as they were.
 *
 * <p>A retention of one day, so that an application concluded yesterday may be erased and one
 * concluded today may not, in one context.
 */
@LedgerIntegrationTest
// the same properties as PersonalDataLogIT, so that both share one context and one database
@TestPropertySource(properties = {"gongkai.test.database=personal-data-erasure", "gongkai.personal-data.retention=P1D"})
class PersonalDataErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CAUGHT_UP = Duration.ofSeconds(30);
    private static final List<String> PERSONAL = RequestJson.DEMO_APPLICANT;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = BusinessClock.today(clock);
    }

    @Test
    void afterTheRetentionPeriodAnAdministratorErasesTheApplicantAndEverythingElseStaysAsItWas() {
        // given an application concluded yesterday, whose events are published and counted
        String id = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, id, "DISCLOSED", today.minusDays(1));
        String path = "/api/requests/" + id;
        byte[] storedBefore = receivedPayload(id);
        JsonNode viewBefore = api.get("handler-kaifaqu", path).json();
        List<Message> messagesBefore = messagesOf(id, 4);
        awaitAnnualTablesPast(lastGlobalIndex());
        JsonNode tablesBefore = tables();
        assertThat(viewBefore.get("applicant").get("name").asString()).isEqualTo("张三");
        assertThat(new String(storedBefore, StandardCharsets.UTF_8)).contains("AES-256-GCM");
        assertThat(PERSONAL).noneSatisfy(value -> assertThat(new String(storedBefore, StandardCharsets.UTF_8)).contains(value));
        assertThat(new String(storedBefore, StandardCharsets.UTF_8)).doesNotContain(
                viewBefore.get("informationRequested").asString());

        // when an administrator of its agency erases the personal data
        Response erased = api.post("admin-kaifaqu", path + "/personal-data-erasure", """
                {"reason":"保存期限届满，依档案管理规定删除"}""");

        // then it is recorded, the stored bytes are the same, and the key is gone with who and why
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("version").asLong()).isEqualTo(4);
        assertThat(receivedPayload(id)).isEqualTo(storedBefore);
        Map<String, Object> key = jdbc.sql("select key_bytes, wrapped_key, erased_at, erased_by, reason from personal_data_key"
                + " where subject_id = ?").param(id).query().singleRow();
        assertThat(key.get("key_bytes")).isNull();
        assertThat(key.get("wrapped_key")).isNull();
        assertThat(key.get("erased_at")).isNotNull();
        assertThat(key.get("erased_by")).isEqualTo("admin-kaifaqu");
        assertThat(key.get("reason")).isEqualTo("保存期限届满，依档案管理规定删除");

        // and the view shows 已删除 and says when, by whom and why
        JsonNode view = api.get("handler-kaifaqu", path).json();
        JsonNode applicant = view.get("applicant");
        for (String field : List.of("name", "idDocumentType", "idNumber", "phone", "address")) {
            assertThat(applicant.get(field).asString()).as(field).isEqualTo("已删除");
        }
        assertThat(view.get("personalDataErasure").get("erasedOn").asString()).isEqualTo(today.toString());
        assertThat(view.get("personalDataErasure").get("erasedBy").asString()).isEqualTo("admin-kaifaqu");
        assertThat(view.get("personalDataErasure").get("reason").asString()).isEqualTo("保存期限届满，依档案管理规定删除");
        // what was asked for is personal data too (ADR 0012)
        assertThat(viewBefore.get("informationRequested").asString()).isNotEqualTo("已删除");
        assertThat(view.get("informationRequested").asString()).isEqualTo("已删除");
        assertThat(view.get("registrationNumber")).isEqualTo(viewBefore.get("registrationNumber"));
        assertThat(view.get("outcome")).isEqualTo(viewBefore.get("outcome"));
        assertThat(PERSONAL).noneSatisfy(value -> assertThat(view.toString()).contains(value));

        // and the history is the same, plus the erasure with who did it
        JsonNode history = view.get("history");
        assertThat(history).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(history.get(i)).isEqualTo(viewBefore.get("history").get(i));
        }
        assertThat(history.get(4).get("type").asString()).isEqualTo("ApplicantDataErased");
        assertThat(history.get(4).get("label").asString()).isEqualTo("个人信息已删除");
        assertThat(history.get(4).get("actor").asString()).isEqualTo("admin-kaifaqu");

        // and the event store reads the registration with the erased applicant, never failing
        RequestReceived received = (RequestReceived) eventStore.readEvents(id).next().getPayload();
        assertThat(received.applicant()).isEqualTo(new ApplicantDetails("已删除", "已删除", "已删除", "已删除", "已删除"));
        assertThat(received.informationRequested()).isEqualTo("已删除");
        assertThat(received.registrationNumber()).isEqualTo(viewBefore.get("registrationNumber").asString());

        // and Kafka has the same four messages, and a fifth that says only that and when
        List<Message> messages = messagesOf(id, 5);
        assertThat(messages.subList(0, 4)).extracting(Message::value)
                .containsExactlyElementsOf(messagesBefore.stream().map(Message::value).toList());
        JsonNode last = messages.get(4).json();
        assertThat(last.get("type").asString()).isEqualTo("cn.gongkai.ledger.request.ApplicantDataErased.v1");
        assertThat(last.get("data").get("erasedOn").asString()).isEqualTo(today.toString());
        assertThat(messages.get(4).value()).doesNotContain("保存期限届满");

        // and the annual tables, once they have seen the erasure, are unchanged
        awaitAnnualTablesPast(lastGlobalIndex());
        assertThat(tables()).isEqualTo(tablesBefore);
    }

    @Test
    void aSecondErasureAndAnErasureWithinTheRetentionPeriodAreRefusedAndStoreNothing() {
        // given one application erased already, one concluded only today
        String erased = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, erased, "DISCLOSED", today.minusDays(1));
        assertThat(api.post("admin-kaifaqu", "/api/requests/" + erased + "/personal-data-erasure",
                "{\"reason\":\"保存期限届满\"}").status()).isEqualTo(200);
        String recent = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, recent, "DISCLOSED", today);

        Response twice = api.post("admin-kaifaqu", "/api/requests/" + erased + "/personal-data-erasure",
                "{\"reason\":\"再次删除\"}");
        Response tooEarly = api.post("admin-kaifaqu", "/api/requests/" + recent + "/personal-data-erasure",
                "{\"reason\":\"保存期限届满\"}");

        assertThat(twice.status()).as(twice.toString()).isEqualTo(422);
        assertThat(twice.json().get("rule").asString()).isEqualTo("PersonalDataErasedOnlyOnce");
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(422);
        assertThat(tooEarly.json().get("rule").asString()).isEqualTo("PersonalDataKeptForTheRetentionPeriod");
        assertThat(tooEarly.json().get("message").asString()).contains("保存1天");
        assertThat(api.get("handler-kaifaqu", "/api/requests/" + erased).json().get("history")).hasSize(5);
        assertThat(api.get("handler-kaifaqu", "/api/requests/" + recent).json().get("applicant").get("name")
                .asString()).isEqualTo("张三");
        assertThat(jdbc.sql("select reason from personal_data_key where subject_id = ?").param(erased)
                .query(String.class).single()).isEqualTo("保存期限届满");
    }

    @Test
    void onlyAnAdministratorOfTheAgencyErasesAndOnlyWithAReason() {
        String id = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, id, "DISCLOSED", today.minusDays(1));
        String erasure = "/api/requests/" + id + "/personal-data-erasure";

        Response byHead = api.post("head-kaifaqu", erasure, "{\"reason\":\"保存期限届满\"}");
        Response byHandler = api.post("handler-kaifaqu", erasure, "{\"reason\":\"保存期限届满\"}");
        Response byOtherAgency = api.post("admin-yicheng", erasure, "{\"reason\":\"保存期限届满\"}");
        Response withoutReason = api.post("admin-kaifaqu", erasure, "{\"erasedOn\":\"" + today + "\"}");

        assertThat(byHead.status()).isEqualTo(403);
        assertThat(byHandler.status()).isEqualTo(403);
        assertThat(byOtherAgency.status()).isEqualTo(404);
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
        JsonNode field = withoutReason.json().get("fields").get(0);
        assertThat(field.get("field").asString()).isEqualTo("reason");
        assertThat(field.get("label").asString()).isEqualTo("理由");
        assertThat(api.get("handler-kaifaqu", "/api/requests/" + id).json().get("applicant").get("name").asString())
                .isEqualTo("张三");
        assertThat(jdbc.sql("select wrapped_key is not null from personal_data_key where subject_id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aKeyIsCreatedInTheTransactionThatStoresTheFirstEventAndRollsBackWithIt() {
        // given registrations of two applications that no command ever made
        RequestReceived rolledBack = registration(UUID.randomUUID());
        RequestReceived committed = registration(UUID.randomUUID());
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        // when each is serialized for storage in a transaction, and only the second commits
        transaction.executeWithoutResult(status -> {
            eventSerializer.serialize(rolledBack, byte[].class);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> eventSerializer.serialize(committed, byte[].class));

        // then the rolled-back one left no key
        assertThat(keyRows(rolledBack.requestId())).isZero();
        assertThat(keyRows(committed.requestId())).isOne();
    }

    @Test
    void theKeyIsErasedByASubscribingProcessorInTheCommandsTransaction() {
        assertThat(processing.eventProcessor("personal-data-keys", SubscribingEventProcessor.class)).isPresent();
    }

    @Test
    void theRequestListIsRebuiltFromEventsOfAnErasedApplication() {
        // given an erased application, counted in the list
        String id = ApplicationSteps.register(api, today.minusDays(3));
        ApplicationSteps.conclude(api, id, "DISCLOSED", today.minusDays(1));
        assertThat(api.post("admin-kaifaqu", "/api/requests/" + id + "/personal-data-erasure",
                "{\"reason\":\"保存期限届满\"}").status()).isEqualTo(200);
        await().atMost(CAUGHT_UP).until(() -> summaryVersion(id) == 4);
        List<Map<String, Object>> before = summaries();

        // when the list is rebuilt from the event store
        StreamingEventProcessor processor = processing
                .eventProcessor("request-summary", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        // then it is the same
        await().atMost(Duration.ofSeconds(60)).until(() -> summaryVersion(id) == 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries().equals(before));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private RequestReceived registration(UUID id) {
        return new RequestReceived(id, "kaifaqu", "2026-9999", Channel.INTERNET, today, today,
                ApplicantCategory.NATURAL_PERSON, new ApplicantDetails("张三", "居民身份证", "410102199001011234",
                "13800000000", "河南省驻马店市开发区1号"), "事务测试", DeliveryForm.ELECTRONIC_BY_EMAIL);
    }

    private long keyRows(UUID subject) {
        return jdbc.sql("select count(*) from personal_data_key where subject_id = ?").param(subject.toString())
                .query(Long.class).single();
    }

    private byte[] receivedPayload(String id) {
        return jdbc.sql("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0")
                .param(id).query(byte[].class).single();
    }

    private List<Message> messagesOf(String id, int count) {
        return await().atMost(CAUGHT_UP).until(() -> TopicReader.ofApplication(
                        TopicReader.readAll(TestKafka.shared().bootstrapServers(), "gongkai.requests.v1"), id),
                messages -> messages.size() >= count);
    }

    private JsonNode tables() {
        Response tables = api.get("head-kaifaqu", "/api/statistics/" + today.getYear() + "?agency=kaifaqu");
        assertThat(tables.status()).as(tables.toString()).isEqualTo(200);
        return tables.json();
    }

    private long lastGlobalIndex() {
        return jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
    }

    private void awaitAnnualTablesPast(long globalIndex) {
        // the token's JSON, {"index":n}, as the processor committed it with its counters
        await().atMost(CAUGHT_UP).until(() -> jdbc.sql("select convert_from(token, 'UTF8') from token_entry"
                        + " where processor_name = 'annual-tables' and segment = 0").query(String.class).optional()
                .map(token -> JSON.readTree(token).path("index").asLong(-1))
                .orElse(-1L) >= globalIndex);
    }

    private long summaryVersion(String id) {
        return jdbc.sql("select coalesce(max(version), -1) from request_summary where request_id = ?::uuid").param(id)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> summaries() {
        return new ArrayList<>(jdbc.sql("""
                        select request_id, agency_id, registration_number, received_on, applicant_category, status,
                               outcome, concluded_on, due_on, due_provisional, version, state::text as state
                        from request_summary order by request_id""")
                .query().listOfRows());
    }
}
