package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import cn.gongkai.ledger.statistics.CountedApplication;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import cn.gongkai.ledger.statistics.events.ReportPublished;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts part 三 from the request events, by business dates: an application counts as received in
 * the year of its legal receipt date, as resolved (in its outcome row) in the year of its
 * conclusion date. Corrections after the fact move the counts they affect.
 *
 * <p>A read model only: it reads and writes its tables and nothing else (the carry-forwards of a
 * year close are {@link YearEndSweep}'s). With every change of its counters it records, in the same
 * transaction, which agency-years changed ({@link AnnualTablesChanges}, docs/adr/0017): a receipt or
 * a category correction changes its receipt year and every later year (carried over and forward are
 * running balances), a conclusion its conclusion year and every later one, an outcome correction only
 * its conclusion year, a year close only that year's {@code closed}.
 */
@Component
@ProcessingGroup(AnnualTablesProjection.PROCESSING_GROUP)
class AnnualTablesProjection {

    static final String PROCESSING_GROUP = "annual-tables";

    private final JdbcClient jdbc;
    private final AnnualTablesChanges changes;
    private final JsonMapper json;

    AnnualTablesProjection(JdbcClient jdbc, AnnualTablesChanges changes, JsonMapper json) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.json = json;
    }

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        int inserted = jdbc.sql("""
                        insert into statistics_application (request_id, agency_id, registration_number, category,
                            received_on, version)
                        values (:id, :agency, :number, :category, :received, :version)
                        on conflict (request_id) do nothing""")
                .param("id", event.requestId())
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("category", event.applicantCategory().name())
                .param("received", event.receivedOn())
                .param("version", sequenceNumber)
                .update();
        if (inserted == 0) {
            return;
        }
        Cause cause = new Cause(message, event.requestId(), event.registrationNumber());
        count(cause, event.agencyId(), event.receivedOn().getYear(), TableRow.RECEIVED, event.applicantCategory(), 1);
        changes.changedFrom(event.agencyId(), event.receivedOn().getYear());
    }

    @EventHandler
    void on(RequestConcluded event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        applicationBefore(event.requestId(), sequenceNumber).ifPresent(application -> {
            jdbc.sql("update statistics_application set concluded_on = :concluded, outcome = :outcome, version = :version"
                            + " where request_id = :id")
                    .param("concluded", event.concludedOn())
                    .param("outcome", event.outcome().name())
                    .param("version", sequenceNumber)
                    .param("id", event.requestId())
                    .update();
            Cause cause = new Cause(message, application.requestId(), application.registrationNumber());
            int year = event.concludedOn().getYear();
            count(cause, application.agencyId(), year, TableRow.of(event.outcome()), application.applicantCategory(), 1);
            count(cause, application.agencyId(), year, TableRow.RESOLVED_TOTAL, application.applicantCategory(), 1);
            changes.changedFrom(application.agencyId(), year);
        });
    }

    @EventHandler
    void on(OutcomeCorrected event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        applicationBefore(event.requestId(), sequenceNumber).ifPresent(application -> {
            jdbc.sql("update statistics_application set outcome = :outcome, version = :version where request_id = :id")
                    .param("outcome", event.correctedOutcome().name())
                    .param("version", sequenceNumber)
                    .param("id", event.requestId())
                    .update();
            Cause cause = new Cause(message, application.requestId(), application.registrationNumber());
            int year = application.concludedOn().getYear();
            count(cause, application.agencyId(), year, TableRow.of(application.outcome()),
                    application.applicantCategory(), -1);
            count(cause, application.agencyId(), year, TableRow.of(event.correctedOutcome()),
                    application.applicantCategory(), 1);
            changes.changed(application.agencyId(), year);
        });
    }

    @EventHandler
    void on(ApplicantCategoryCorrected event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        applicationBefore(event.requestId(), sequenceNumber).ifPresent(application -> {
            jdbc.sql("update statistics_application set category = :category, version = :version where request_id = :id")
                    .param("category", event.correctedCategory().name())
                    .param("version", sequenceNumber)
                    .param("id", event.requestId())
                    .update();
            Cause cause = new Cause(message, application.requestId(), application.registrationNumber());
            String agency = application.agencyId();
            ApplicantCategory from = application.applicantCategory();
            ApplicantCategory to = event.correctedCategory();
            moveColumn(cause, agency, application.receivedOn().getYear(), TableRow.RECEIVED, from, to);
            if (application.concludedOn() != null) {
                int year = application.concludedOn().getYear();
                moveColumn(cause, agency, year, TableRow.of(application.outcome()), from, to);
                moveColumn(cause, agency, year, TableRow.RESOLVED_TOTAL, from, to);
            }
            changes.changedFrom(agency, application.receivedOn().getYear());
        });
    }

    @EventHandler
    void on(YearClosed event, EventMessage<?> message) {
        jdbc.sql("insert into statistics_closed_year (agency_id, year, closed_on, recorded_at)"
                        + " values (:agency, :year, :on, :at) on conflict do nothing")
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("year", event.year())
                .param("on", event.closedOn())
                .param("at", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .update();
        changes.changed(event.agencyId(), event.year());
    }

    /** Kept for the year close's progress: how many of a closed year's carry-forwards are done. */
    @EventHandler
    void on(RequestCarriedForward event) {
        jdbc.sql("""
                        insert into statistics_carried_forward (request_id, from_year, agency_id)
                        select request_id, :year, agency_id from statistics_application where request_id = :id
                        on conflict do nothing""")
                .param("year", event.fromYear())
                .param("id", event.requestId())
                .update();
    }

    @EventHandler
    void on(ReportPublished event, EventMessage<?> message) {
        jdbc.sql("""
                        insert into statistics_publication (agency_id, year, version, published_on, published_at,
                            published_by, part3, part4)
                        values (:agency, :year, :version, :on, :at, :by, cast(:part3 as jsonb), cast(:part4 as jsonb))
                        on conflict do nothing""")
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("year", event.year())
                .param("version", event.version())
                .param("on", event.publishedOn())
                .param("at", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .param("by", ProjectionText.of(event.publishedBy()))
                .param("part3", ProjectionText.json(json.writeValueAsString(event.part3())))
                .param("part4", ProjectionText.json(json.writeValueAsString(event.part4())))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table statistics_application, statistics_count, statistics_count_change,"
                + " statistics_closed_year, statistics_publication, statistics_carried_forward").update();
    }

    private void count(Cause cause, String agency, int year, TableRow row, ApplicantCategory category, long delta) {
        add(cause, agency, year, row, TableColumn.of(category), delta);
        add(cause, agency, year, row, TableColumn.TOTAL, delta);
    }

    private void moveColumn(Cause cause, String agency, int year, TableRow row, ApplicantCategory from,
                            ApplicantCategory to) {
        add(cause, agency, year, row, TableColumn.of(from), -1);
        add(cause, agency, year, row, TableColumn.of(to), 1);
    }

    /** Moves one counter and logs the change with its cause, in the same transaction. */
    private void add(Cause cause, String agency, int year, TableRow row, TableColumn column, long delta) {
        // one round trip: the change's log row and the counter, in one statement
        jdbc.sql("""
                        with logged as (
                            insert into statistics_count_change (agency_id, year, row_code, column_code, delta, recorded_at,
                                event_id, event_type, request_id, registration_number, recorded_by)
                            values (:agency, :year, :row, :column, :delta, :at, :event, :type, :request, :number, :by))
                        insert into statistics_count (agency_id, year, row_code, column_code, value)
                        values (:agency, :year, :row, :column, :delta)
                        on conflict (agency_id, year, row_code, column_code)
                        do update set value = statistics_count.value + excluded.value""")
                .param("agency", ProjectionText.of(agency))
                .param("year", year)
                .param("row", row.name())
                .param("column", column.name())
                .param("delta", delta)
                .param("at", cause.recordedAt().atOffset(ZoneOffset.UTC))
                .param("event", cause.eventId())
                .param("type", cause.eventType())
                .param("request", cause.requestId())
                .param("number", ProjectionText.of(cause.registrationNumber()))
                .param("by", cause.recordedBy() == null ? null : ProjectionText.of(cause.recordedBy()))
                .update();
    }

    /** The application as counted so far, if this event was not applied yet (redelivery is harmless). */
    private Optional<CountedApplication> applicationBefore(UUID requestId, long sequenceNumber) {
        return jdbc.sql("""
                        select agency_id, registration_number, category, received_on, concluded_on, outcome
                        from statistics_application
                        where request_id = :id and version < :version""")
                .param("id", requestId)
                .param("version", sequenceNumber)
                .query((rs, row) -> new CountedApplication(
                        requestId,
                        rs.getString("agency_id"),
                        rs.getString("registration_number"),
                        ApplicantCategory.valueOf(rs.getString("category")),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getObject("concluded_on", LocalDate.class),
                        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome"))))
                .optional();
    }

    /** The event behind a counter change: when it was recorded, which event, which application, by whom. */
    private record Cause(Instant recordedAt, String eventId, String eventType, UUID requestId,
                         String registrationNumber, String recordedBy) {

        Cause(EventMessage<?> message, UUID requestId, String registrationNumber) {
            this(message.getTimestamp(), message.getIdentifier(), message.getPayloadType().getSimpleName(), requestId,
                    registrationNumber, username(message));
        }

        private static String username(EventMessage<?> message) {
            Object username = message.getMetaData().get(ActorMetaData.USERNAME);
            return username == null ? null : username.toString();
        }
    }
}
