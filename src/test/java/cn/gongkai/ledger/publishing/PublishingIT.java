package cn.gongkai.ledger.publishing;

import static cn.gongkai.ledger.requests.RequestJson.date;
import static cn.gongkai.ledger.requests.RequestJson.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.gongkai.ledger.Api;
import cn.gongkai.ledger.Api.Response;
import cn.gongkai.ledger.LedgerIntegrationTest;
import cn.gongkai.ledger.TestKafka;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.publishing.TopicReader.Message;
import cn.gongkai.ledger.requests.ApplicationSteps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every change of an application reaches {@code gongkai.requests.v1} on a real broker, in order, schema-valid, without personal data. */
@LedgerIntegrationTest
class PublishingIT {

    private static final String TOPIC = "gongkai.requests.v1";
    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    @Autowired
    Clock clock;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = BusinessClock.today(clock);
    }

    @Test
    void aFullLifeIsPublishedInOrderOnOnePartitionAndEveryMessageMatchesItsSchemas() {
        // given an application that goes through its whole life over HTTP
        Response registered = api.post("handler-kaifaqu", "/api/requests", received(today.minusDays(30)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.json().get("requestId").asString();
        String number = registered.json().get("registrationNumber").asString();
        String path = "/api/requests/" + id;
        List<Response> steps = ApplicationSteps.fullLife(api, path, today);
        assertThat(steps).allSatisfy(step -> assertThat(step.status()).as(step.toString()).isEqualTo(200));

        // when the topic is read back
        List<Message> messages = await().atMost(PUBLISHED).until(
                () -> TopicReader.ofApplication(TopicReader.readAll(TestKafka.shared().bootstrapServers(), TOPIC), id),
                published -> published.size() >= 10);

        // then its ten events are there once each, in order, on one partition, under the application's id
        assertThat(messages).hasSize(10);
        assertThat(messages).extracting(Message::partition).containsOnly(messages.getFirst().partition());
        List<JsonNode> values = messages.stream().map(Message::json).toList();
        assertThat(values).extracting(value -> value.get("type").asString()).containsExactlyElementsOf(Stream.of(
                        "RequestReceived", "CorrectionRequested", "CorrectionReceived", "DeadlineExtended",
                        "AnswerDrafted", "AnswerReturned", "AnswerDrafted", "AnswerApproved", "RequestAnswered",
                        "RequestArchived")
                .map(type -> "cn.gongkai.ledger.request." + type + ".v1").toList());
        assertThat(values).extracting(value -> Long.parseLong(value.get("sequence").asString()))
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(Long::valueOf).toList());
        assertThat(values).extracting(value -> value.get("id").asString()).doesNotHaveDuplicates();
        assertThat(values).allSatisfy(value -> {
            MessageContract.assertValid(value);
            assertThat(value.get("subject").asString()).isEqualTo(id);
            assertThat(value.get("requestid").asString()).isEqualTo(id);
            assertThat(value.get("agencyid").asString()).isEqualTo("kaifaqu");
            assertThat(value.get("registrationnumber").asString()).isEqualTo(number);
            assertThat(value.get("source").asString()).isEqualTo("/gongkai-ledger/agencies/kaifaqu/requests/" + id);
            assertThat(Instant.parse(value.get("time").asString())).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(values).extracting(value -> value.get("businessdate").asString()).containsExactly(
                today.minusDays(30).toString(), today.minusDays(28).toString(), today.minusDays(20).toString(),
                today.minusDays(10).toString(), today.minusDays(5).toString(), today.minusDays(4).toString(),
                today.minusDays(3).toString(), today.minusDays(2).toString(), today.minusDays(1).toString(),
                today.toString());
        assertThat(values.get(3).get("actorrole").asString()).isEqualTo("REVIEWER");
        assertThat(values.get(8).get("data").get("outcome").asString()).isEqualTo("DISCLOSED");
        assertThat(messages).allSatisfy(message -> assertThat(message.headers())
                .containsExactlyEntriesOf(java.util.Map.of("content-type", "application/cloudevents+json; charset=UTF-8")));
    }

    @Test
    void noApplicantsPersonalDataIsEverPublished() {
        // given applications with distinctive personal data, one of them withdrawn
        List<String> personalData = List.of("欧阳锦绣", "41172119850723561X", "13912345678", "驿城区独特路88号",
                "司马青云", "110105197001019876", "02188886666", "开发区金山大道1001号", "港澳居民来往内地通行证");
        List<String> ids = new ArrayList<>();
        ids.add(register("欧阳锦绣", "居民身份证", "41172119850723561X", "13912345678", "河南省驻马店市驿城区独特路88号"));
        ids.add(register("司马青云", "港澳居民来往内地通行证", "110105197001019876", "02188886666", "驻马店市开发区金山大道1001号"));
        Response withdrawn = api.post("handler-kaifaqu", "/api/requests/" + ids.get(1) + "/withdrawal",
                date("withdrawnOn", today));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        // when everything published so far is read
        List<Message> all = await().atMost(PUBLISHED).until(
                () -> TopicReader.readAll(TestKafka.shared().bootstrapServers(), TOPIC),
                published -> TopicReader.ofApplication(published, ids.get(0)).size() == 1
                        && TopicReader.ofApplication(published, ids.get(1)).size() == 2);

        // then no value and no header of any message contains any of it
        assertThat(all).allSatisfy(message -> assertThat(personalData).allSatisfy(text -> {
            assertThat(message.value()).doesNotContain(text);
            assertThat(message.headers().toString()).doesNotContain(text);
            assertThat(message.key()).doesNotContain(text);
        }));
        assertThat(TopicReader.ofApplication(all, ids.get(0)).getFirst().json().get("data").get("applicantCategory")
                .asString()).isEqualTo("NATURAL_PERSON");
    }

    @Test
    void thePublisherIsAPooledProcessorThatRetriesAFailedBatchInsteadOfSkippingIt() {
        assertThat(processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, PooledStreamingEventProcessor.class))
                .isPresent();
        assertThat(processing.listenerInvocationErrorHandler(KafkaPublisher.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
        await().atMost(PUBLISHED).untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from token_entry where processor_name = 'kafka-publisher'")
                .query(Long.class).single()).isEqualTo(2));
    }

    private String register(String name, String documentType, String idNumber, String phone, String address) {
        Response response = api.post("handler-kaifaqu", "/api/requests", """
                {"channel":"POST","receivedOn":"%s","applicantCategory":"NATURAL_PERSON",
                 "applicant":{"name":"%s","idDocumentType":"%s","idNumber":"%s","phone":"%s","address":"%s"},
                 "informationRequested":"本人名下房屋征收补偿文件","deliveryForm":"PAPER_BY_POST"}"""
                .formatted(today.minusDays(2), name, documentType, idNumber, phone, address));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("requestId").asString();
    }
}
