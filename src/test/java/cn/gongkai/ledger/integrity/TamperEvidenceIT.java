package cn.gongkai.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.Today;
import cn.gongkai.ledger.requests.ApplicationSteps;
import cn.gongkai.ledger.requests.RequestJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The chain on a real event store: intact after real applications' lives, and broken, at exactly
 * the right place, by what a database superuser can do behind the service's back — one byte of one
 * payload, one deleted row, one forged row. The tampering runs as {@code postgres} with
 * {@code session_replication_role = replica} (which also silences any trigger guarding the event
 * table) and is undone after each test, so the tests do not depend on their order. Its own
 * database: nothing else shares the damage.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {"gongkai.test.database=tamper-evidence", "gongkai.integrity.checkpoint-interval=PT1S"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceIT {

    private static final Duration CHAINED = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainVerification verification;

    @Autowired
    EventProcessingConfiguration processing;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${gongkai.kafka.bootstrap-servers}")
    String kafka;

    private Api api;

    @BeforeAll
    void applicationsLiveTheirLives(@Today LocalDate today) {
        for (int i = 0; i < 3; i++) {
            String id = ApplicationSteps.register(api, today.minusDays(30));
            List<Response> steps = ApplicationSteps.fullLife(api, "/api/requests/" + id, today);
            assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));
        }
        String withdrawn = ApplicationSteps.register(api, today);
        Response withdrawal = api.post("handler-kaifaqu", "/api/requests/" + withdrawn + "/withdrawal",
                RequestJson.date("withdrawnOn", today));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
    }

    @BeforeEach
    void everyEventIsChained() {
        await().atMost(CHAINED).until(() -> unchainedEvents() == 0);
    }

    @Test
    void afterFullApplicationLivesTheChainVerifiesAndCoversEveryEvent() {
        ChainReport report = verification.verify();

        long events = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
        assertThat(events).isGreaterThanOrEqualTo(4 * 1 + 3 * 9);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.firstBreak()).isNull();
        assertThat(report.linksVerified()).isEqualTo(events);
        assertThat(report.eventsStored()).isEqualTo(events);
        assertThat(report.eventsPending()).isZero();
        Link last = link(events);
        assertThat(report.head().position()).isEqualTo(events);
        assertThat(report.head().eventId()).isEqualTo(last.eventId());
        assertThat(report.head().hash()).isEqualTo(last.hash());
        assertThat(jdbc.sql("select count(distinct global_index) from integrity_chain").query(Long.class).single())
                .isEqualTo(events);

        // and the endpoint says the same to an auditor of either agency: the chain is global
        for (String auditor : List.of("auditor-kaifaqu", "auditor-yicheng", "admin-yicheng")) {
            Response answer = api.get(auditor, "/api/integrity/chain");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("ok").asBoolean()).isTrue();
            assertThat(answer.json().get("statusLabel").asString()).isEqualTo("完整");
            assertThat(answer.json().get("linksVerified").asLong()).isEqualTo(events);
        }
        assertThat(api.get("handler-kaifaqu", "/api/integrity/chain").status()).isEqualTo(403);

        // and so does the command, without Spring
        assertThat(command().exitCode()).isZero();
    }

    @Test
    void oneChangedByteOfOnePayloadBreaksTheChainAtExactlyThatEvent() throws SQLException {
        // given a middle event, one byte of its payload changed behind the service's back
        Link middle = middleLink();
        superuser("update domain_event_entry set payload = set_byte(payload, 9, get_byte(payload, 9) # 1)"
                + " where global_index = " + middle.globalIndex());
        try {
            ChainReport report = verification.verify();

            assertThat(report.ok()).isFalse();
            ChainBreak broken = report.firstBreak();
            assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.HASH_MISMATCH);
            assertThat(broken.position()).isEqualTo(middle.position());
            assertThat(broken.globalIndex()).isEqualTo(middle.globalIndex());
            assertThat(broken.eventId()).isEqualTo(middle.eventId());
            assertThat(broken.aggregateId()).isEqualTo(middle.aggregateId());
            assertThat(broken.sequenceNumber()).isEqualTo(middle.sequenceNumber());
            assertThat(broken.messageZh()).contains("第" + middle.position() + "号链节", "被改动");
            assertThat(broken.messageEn()).contains("link " + middle.position(), "changed");
            assertThat(report.linksVerified()).isEqualTo(middle.position() - 1);

            Response answer = api.get("auditor-kaifaqu", "/api/integrity/chain");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("ok").asBoolean()).isFalse();
            assertThat(answer.json().get("statusLabel").asString()).isEqualTo("已断裂");
            JsonNode firstBreak = answer.json().get("firstBreak");
            assertThat(firstBreak.get("kind").asString()).isEqualTo("HASH_MISMATCH");
            assertThat(firstBreak.get("kindLabel").asString()).isEqualTo("事件内容被改动");
            assertThat(firstBreak.get("position").asLong()).isEqualTo(middle.position());
            assertThat(firstBreak.get("eventId").asString()).isEqualTo(middle.eventId());

            Outcome command = command();
            assertThat(command.exitCode()).isEqualTo(1);
            assertThat(command.output()).contains("HASH_MISMATCH", middle.eventId());
        } finally {
            superuser("update domain_event_entry set payload = set_byte(payload, 9, get_byte(payload, 9) # 1)"
                    + " where global_index = " + middle.globalIndex());
        }
        assertThat(verification.verify().ok()).as("restored").isTrue();
    }

    @Test
    void aDeletedEventBreaksTheChainAtItsLinkAsMissing() throws SQLException {
        // given a middle event deleted behind the service's back
        Link middle = middleLink();
        superuser("create table tamper_backup as select * from domain_event_entry where global_index = "
                        + middle.globalIndex(),
                "delete from domain_event_entry where global_index = " + middle.globalIndex());
        try {
            ChainReport report = verification.verify();

            assertThat(report.ok()).isFalse();
            ChainBreak broken = report.firstBreak();
            assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.EVENT_MISSING);
            assertThat(broken.kindLabel()).isEqualTo("事件被删除");
            assertThat(broken.position()).isEqualTo(middle.position());
            assertThat(broken.globalIndex()).isEqualTo(middle.globalIndex());
            assertThat(broken.eventId()).isEqualTo(middle.eventId());
            assertThat(broken.messageZh()).contains("已不在事件库中");
            assertThat(broken.messageEn()).contains("deleted");
        } finally {
            superuser("insert into domain_event_entry select * from tamper_backup", "drop table tamper_backup");
        }
        assertThat(verification.verify().ok()).as("restored").isTrue();
    }

    @Test
    void anEventForgedIntoThePastIsReportedAsUnchainedOnceTheGracePeriodIsOver() throws SQLException {
        // given a row inserted behind the service's back, before the first event and backdated like it
        String forged = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        superuser("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                + " select 0, '" + forged + "', '" + aggregate + "', 0, type, time_stamp, payload_type, payload_revision,"
                + " payload, meta_data from domain_event_entry order by global_index limit 1");
        try {
            // when verified within the grace period (10 minutes), it cannot yet be told from an event that
            // committed late and that the processor may still chain
            ChainReport early = verification.verify();
            assertThat(early.ok()).as(early.toString()).isTrue();
            assertThat(early.eventsPending()).isEqualTo(1);

            // when verified with a grace period of 2 s: the chain moved past it longer ago than that
            ChainReport report = await().atMost(CHAINED)
                    .until(() -> verification.verify(Duration.ofSeconds(2)), verified -> !verified.ok());

            ChainBreak broken = report.firstBreak();
            assertThat(broken.kind()).isEqualTo(ChainBreak.Kind.UNCHAINED_EVENT);
            assertThat(broken.kindLabel()).isEqualTo("事件不在链中");
            assertThat(broken.position()).isNull();
            assertThat(broken.globalIndex()).isZero();
            assertThat(broken.eventId()).isEqualTo(forged);
            assertThat(broken.aggregateId()).isEqualTo(aggregate);
            assertThat(broken.sequenceNumber()).isZero();
            assertThat(broken.messageZh()).contains("不在链中");
            assertThat(report.linksVerified()).isEqualTo(report.eventsStored() - 1);

            Outcome command = command("--gongkai.integrity.grace=PT2S");
            assertThat(command.exitCode()).isEqualTo(1);
            assertThat(command.output()).contains("UNCHAINED_EVENT", forged);
        } finally {
            superuser("delete from domain_event_entry where event_identifier = '" + forged + "'");
        }
        assertThat(verification.verify(Duration.ZERO).ok()).as("restored").isTrue();
    }

    @Test
    void aStoredEventNotYetChainedIsPendingWithinTheGracePeriod() throws SQLException {
        // given a link removed from the chain's end, as if the processor had not reached its event yet
        long last = jdbc.sql("select max(position) from integrity_chain").query(Long.class).single();
        superuser("create table tamper_backup as select * from integrity_chain where position = " + last,
                "delete from integrity_chain where position = " + last);
        try {
            ChainReport report = verification.verify();

            // then: recorded a moment ago, at the top of the store: not a break
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.eventsPending()).isEqualTo(1);
            assertThat(report.linksVerified()).isEqualTo(last - 1);
        } finally {
            superuser("insert into integrity_chain select * from tamper_backup", "drop table tamper_backup");
        }
    }

    @Test
    void theHeadIsCheckpointedOnKafkaPeriodicallyAndOnDemandAndMatchesItsSchemas() {
        ChainHead head = verification.verify().head();

        // when the interval has passed, a checkpoint of the current head is on the topic
        JsonNode periodic = await().atMost(CHAINED).until(() -> CheckpointTopic.readAll(kafka).stream()
                        .filter(message -> head.hash().equals(message.value().get("data").get("hash").asString()))
                        .findFirst(), found -> found.isPresent()).orElseThrow().value();

        CheckpointTopic.assertValid(periodic);
        assertThat(periodic.get("type").asString()).isEqualTo("cn.gongkai.ledger.integrity.ChainCheckpoint.v1");
        JsonNode data = periodic.get("data");
        assertThat(data.get("position").asLong()).isEqualTo(head.position());
        assertThat(data.get("globalIndex").asLong()).isEqualTo(head.globalIndex());
        assertThat(data.get("eventId").asString()).isEqualTo(head.eventId());
        assertThat(java.time.Instant.parse(data.get("chainedAt").asString())).isEqualTo(head.chainedAt());

        // and an administrator publishes one on demand, under the key "chain"
        Response published = api.post("admin-kaifaqu", "/api/integrity/chain/checkpoint", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        int partition = published.json().get("partition").asInt();
        long offset = published.json().get("offset").asLong();
        CheckpointTopic.Message onDemand = CheckpointTopic.readAll(kafka).stream()
                .filter(message -> message.partition() == partition && message.offset() == offset)
                .findFirst().orElseThrow();
        assertThat(onDemand.key()).isEqualTo("chain");
        assertThat(onDemand.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
        CheckpointTopic.assertValid(onDemand.value());
        assertThat(onDemand.value().get("data").get("hash").asString()).isEqualTo(head.hash());
        assertThat(api.post("auditor-kaifaqu", "/api/integrity/chain/checkpoint", "").status()).isEqualTo(403);
    }

    @Test
    void aReplayAfterATokenResetLeavesTheChainAsItWas() {
        ChainReport before = verification.verify();
        StreamingEventProcessor processor = processing
                .eventProcessor("integrity-chain", StreamingEventProcessor.class).orElseThrow();

        // when the processor sees every event again
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long last = jdbc.sql("select max(global_index) from domain_event_entry").query(Long.class).single();
        // (a replay ends only with the first event after the reset: wait for the position instead)
        await().atMost(CHAINED).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                        .allMatch(status -> status.getCurrentPosition().orElse(-1) >= last));

        // then no event is chained twice and the head is the same
        ChainReport after = verification.verify();
        assertThat(after.ok()).as(after.toString()).isTrue();
        assertThat(after.linksVerified()).isEqualTo(before.linksVerified());
        assertThat(after.head()).isEqualTo(before.head());
    }

    // ---- helpers ------------------------------------------------------------------------------------

    record Link(long position, long globalIndex, String eventId, String aggregateId, long sequenceNumber,
                String hash) {
    }

    private Link link(long position) {
        return jdbc.sql("select c.position, c.global_index, c.event_identifier, e.aggregate_identifier,"
                        + " e.sequence_number, encode(c.hash, 'hex') as hash from integrity_chain c"
                        + " join domain_event_entry e on e.global_index = c.global_index where c.position = ?")
                .param(position)
                .query((row, n) -> new Link(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getLong(5), row.getString(6)))
                .single();
    }

    private Link middleLink() {
        long links = jdbc.sql("select count(*) from integrity_chain").query(Long.class).single();
        assertThat(links).isGreaterThan(10);
        return link(links / 2);
    }

    private long unchainedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry e where not exists"
                + " (select 1 from integrity_chain c where c.global_index = e.global_index)").query(Long.class).single();
    }

    /** Runs the statements in one transaction as the database superuser, bypassing triggers. */
    private void superuser(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }

    record Outcome(int exitCode, String output) {
    }

    /** {@code verify-chain} as the jar runs it, on this test's database. */
    private Outcome command(String... more) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of(VerifyChainCommand.NAME,
                "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password="));
        args.addAll(List.of(more));
        int exitCode = VerifyChainCommand.run(args.toArray(String[]::new),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, output.toString(StandardCharsets.UTF_8));
    }
}
