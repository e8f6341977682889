package cn.gongkai.ledger.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of {@value #TOPIC}: key the application's id, value a CloudEvent (structured mode) of
 * type {@value #TYPE}. Ids, the registration number, dates, the state and counts of working days:
 * nothing about the applicant and no text typed by staff. The schemas are {@code schemas/deadline-alerts/}.
 */
final class DeadlineAlertMessages {

    static final String TOPIC = "gongkai.deadline-alerts.v1";
    static final String TYPE = "cn.gongkai.ledger.deadline-alerts.DeadlineAlert.v1";
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    static final String SCHEMA_VERSION = "1";
    static final String DATA_SCHEMA = "deadline-alerts/DeadlineAlert.v1.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /** The two states an alert announces. */
    enum AlertState {
        DUE_SOON("3个工作日内到期"),
        OVERDUE("已超期");

        private final String label;

        AlertState(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** One alert: an application that entered a state on a business date. */
    record Alert(UUID requestId, String agencyId, String registrationNumber, AlertState state, LocalDate dueOn,
                 boolean dueProvisional, LocalDate businessDate, int workingDaysLeft, int workingDaysOverdue) {

        /**
         * The same for every attempt to send this alert, so that a consumer can drop a repeat (a
         * send Kafka acknowledged whose row then failed to commit is sent again).
         */
        String id() {
            return UUID.nameUUIDFromBytes((requestId + ":" + state + ":" + dueOn).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    private final URI schemaBase;

    DeadlineAlertMessages(URI schemaBase) {
        this.schemaBase = schemaBase;
    }

    ProducerRecord<String, byte[]> record(Alert alert, Instant now) {
        String requestId = alert.requestId().toString();
        Envelope envelope = new Envelope("1.0", alert.id(),
                "/gongkai-ledger/agencies/" + alert.agencyId() + "/requests/" + requestId, TYPE, requestId,
                now.toString(), "application/json", schemaBase.resolve(DATA_SCHEMA).toString(), alert.agencyId(),
                requestId, alert.registrationNumber(), alert.businessDate().toString(), SCHEMA_VERSION,
                new DeadlineAlertV1(requestId, alert.agencyId(), alert.registrationNumber(), alert.state().name(),
                        alert.state().label(), alert.dueOn().toString(), alert.dueProvisional(),
                        alert.businessDate().toString(), alert.workingDaysLeft(), alert.workingDaysOverdue()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, requestId, JSON.writeValueAsBytes(envelope));
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The CloudEvent; {@code agencyid}, {@code requestid}, {@code registrationnumber} and {@code businessdate} are extensions. */
    record Envelope(String specversion, String id, String source, String type, String subject, String time,
                    String datacontenttype, String dataschema, String agencyid, String requestid,
                    String registrationnumber, String businessdate, String schemaversion, DeadlineAlertV1 data) {
    }

    /** The data; dates are ISO dates in Beijing time. */
    record DeadlineAlertV1(String requestId, String agencyId, String registrationNumber, String state,
                           String stateLabel, String dueOn, boolean dueProvisional, String alertedOn,
                           int workingDaysLeft, int workingDaysOverdue) {
    }
}
