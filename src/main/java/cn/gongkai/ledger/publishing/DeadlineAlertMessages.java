package cn.gongkai.ledger.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records of {@value #TOPIC}: key the application's id, value a CloudEvent (structured mode) of
 * type {@value #TYPE}. Ids, the registration number, dates, the state and counts of working days:
 * nothing about the applicant and no text typed by staff. The schemas are {@code schemas/deadline-alerts/}.
 */
final class DeadlineAlertMessages {

    static final String TOPIC = "gongkai.deadline-alerts.v1";
    static final String TYPE = "cn.gongkai.ledger.deadline-alerts.DeadlineAlert.v1";
    static final String SCHEMA_VERSION = "1";
    static final String DATA_SCHEMA = "deadline-alerts/DeadlineAlert.v1.json";

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
        CloudEvent<DeadlineAlertV1> envelope = new CloudEvent<>(alert.id(),
                "/gongkai-ledger/agencies/" + alert.agencyId() + "/requests/" + requestId, TYPE, requestId,
                now.toString(), schemaBase.resolve(DATA_SCHEMA).toString(),
                CloudEvent.extensions("agencyid", alert.agencyId(), "requestid", requestId, "registrationnumber",
                        alert.registrationNumber(), "businessdate", alert.businessDate().toString(), "schemaversion",
                        SCHEMA_VERSION),
                new DeadlineAlertV1(requestId, alert.agencyId(), alert.registrationNumber(), alert.state().name(),
                        alert.state().label(), alert.dueOn().toString(), alert.dueProvisional(),
                        alert.businessDate().toString(), alert.workingDaysLeft(), alert.workingDaysOverdue()));
        return CloudEvents.record(TOPIC, requestId, envelope);
    }

    /** The data; dates are ISO dates in Beijing time. */
    record DeadlineAlertV1(String requestId, String agencyId, String registrationNumber, String state,
                           String stateLabel, String dueOn, boolean dueProvisional, String alertedOn,
                           int workingDaysLeft, int workingDaysOverdue) {
    }
}
