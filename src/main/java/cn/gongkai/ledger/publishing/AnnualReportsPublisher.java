package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.report.events.AnnualReportPublished;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces every published version of an annual report on {@value #TOPIC} (key {@code agencyId:year}, one record
 * per version, in order): a CloudEvent of type {@value #TYPE} whose data is the frozen document — tables by code,
 * part 二, the prose as published — with the version, its change note and the gate's findings. The prose is the
 * official text the office publishes; no applicant's personal data is in the document (the tables are counts,
 * the findings name registration numbers only). The event store is the outbox: the send is acknowledged before
 * the processor's token moves, so a version is announced at least once.
 */
@Component
@ProcessingGroup(AnnualReportsPublisher.PROCESSING_GROUP)
class AnnualReportsPublisher {

    static final String PROCESSING_GROUP = "annual-report-publisher";
    static final String TOPIC = "gongkai.annual-reports.v1";
    static final String TYPE = "cn.gongkai.ledger.annual-reports.AnnualReportPublished.v1";
    static final String DATA_SCHEMA = "annual-reports/AnnualReportPublished.v1.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final Producer<String, byte[]> producer;
    private final PublishingProperties settings;

    AnnualReportsPublisher(Producer<String, byte[]> producer, PublishingProperties settings) {
        this.producer = producer;
        this.settings = settings;
    }

    @EventHandler
    void on(AnnualReportPublished event, EventMessage<?> message) throws InterruptedException {
        String key = event.agencyId() + ":" + event.year();
        Envelope envelope = new Envelope("1.0", message.getIdentifier(),
                "/gongkai-ledger/agencies/" + event.agencyId() + "/annual-reports/" + event.year(), TYPE, key,
                message.getTimestamp().toString(), "application/json",
                settings.schemaBase().resolve(DATA_SCHEMA).toString(), event.agencyId(), String.valueOf(event.year()),
                "1", new AnnualReportPublishedV1(event.agencyId(), event.year(), event.version(),
                event.publishedOn().toString(), event.template(), event.changeNote(), message.getTimestamp(),
                JSON.readTree(event.document()), event.findings()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, JSON.writeValueAsBytes(envelope));
        record.headers().add(new RecordHeader("content-type",
                "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            // not acknowledged: the token stays and the processor sends it again after a back-off
            throw new IllegalStateException("Kafka did not acknowledge annual report " + key + " version "
                    + event.version(), e.getCause());
        }
    }

    /** The CloudEvent; {@code agencyid} and {@code reportyear} are extension attributes. */
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
                    String datacontenttype, String dataschema, String agencyid, String reportyear,
                    String schemaversion, AnnualReportPublishedV1 data) {
    }

    /** The data: one published version, its document as frozen. */
    record AnnualReportPublishedV1(String agencyId, int year, int version, String publishedOn, String template,
                                   String changeNote, Instant recordedAt, JsonNode document,
                                   java.util.List<AnnualReportPublished.Finding> findings) {
    }
}
