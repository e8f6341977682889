package cn.gongkai.ledger.statistics.internal;

import cn.gongkai.ledger.platform.HeldWrites;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    private static final String INSERT_APPLICATION = """
            insert into statistics_application (request_id, agency_id, registration_number, category, received_on,
                version)
            values (:id, :agency, :number, :category, :received, :version)
            on conflict (request_id) do nothing""";
    private static final String LOG_CHANGE = """
            insert into statistics_count_change (agency_id, year, row_code, column_code, delta, recorded_at, event_id,
                event_type, request_id, registration_number, recorded_by)
            values (:agency, :year, :row, :column, :delta, :at, :event, :type, :request, :number, :by)""";
    private static final String ADD_TO_COUNTER = """
            insert into statistics_count (agency_id, year, row_code, column_code, value)
            values (:agency, :year, :row, :column, :delta)
            on conflict (agency_id, year, row_code, column_code)
            do update set value = statistics_count.value + excluded.value""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final AnnualTablesChanges changes;
    private final JsonMapper json;

    AnnualTablesProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batch, AnnualTablesChanges changes,
                           JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.changes = changes;
        this.json = json;
    }

    @EventHandler
    void on(RequestReceived event, @SequenceNumber long sequenceNumber, EventMessage<?> message) {
        // counted only if the application was not there yet (a redelivery counts nothing): decided when the held
        // writes reach the table
        Held held = held();
        Held.Receipt receipt = held.receipt(new MapSqlParameterSource()
                .addValue("id", event.requestId())
                .addValue("agency", ProjectionText.of(event.agencyId()))
                .addValue("number", ProjectionText.of(event.registrationNumber()))
                .addValue("category", event.applicantCategory().name())
                .addValue("received", event.receivedOn())
                .addValue("version", sequenceNumber));
        Cause cause = new Cause(message, event.requestId(), event.registrationNumber());
        count(receipt, cause, event.agencyId(), event.receivedOn().getYear(), TableRow.RECEIVED,
                event.applicantCategory(), 1);
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
            count(null, cause, application.agencyId(), year, TableRow.of(event.outcome()), application.applicantCategory(), 1);
            count(null, cause, application.agencyId(), year, TableRow.RESOLVED_TOTAL, application.applicantCategory(), 1);
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
            count(null, cause, application.agencyId(), year, TableRow.of(application.outcome()),
                    application.applicantCategory(), -1);
            count(null, cause, application.agencyId(), year, TableRow.of(event.correctedOutcome()),
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
        held().flush(); // reads statistics_application
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

    private Held held() {
        return HeldWrites.of(this, Held::new);
    }

    private void count(Held.Receipt receipt, Cause cause, String agency, int year, TableRow row,
                       ApplicantCategory category, long delta) {
        Held held = held();
        held.add(receipt, new Change(cause, agency, year, row, TableColumn.of(category), delta));
        held.add(receipt, new Change(cause, agency, year, row, TableColumn.TOTAL, delta));
    }

    private void moveColumn(Cause cause, String agency, int year, TableRow row, ApplicantCategory from,
                            ApplicantCategory to) {
        Held held = held();
        held.add(null, new Change(cause, agency, year, row, TableColumn.of(from), -1));
        held.add(null, new Change(cause, agency, year, row, TableColumn.of(to), 1));
    }

    /**
     * What one transaction of the processor counts, written before it commits: the new applications by one JDBC
     * batch, then the change log's rows by another, then each counter once with the sum of its changes (in the
     * counters' order, so that two transactions never wait on each other's counters crosswise). A receipt's
     * changes count only if its application was inserted.
     */
    private final class Held implements HeldWrites.Batch {

        private final List<Receipt> receipts = new ArrayList<>();
        private final List<Held.Pending> changes = new ArrayList<>();

        final class Receipt {
            private final MapSqlParameterSource application;
            private boolean inserted;

            private Receipt(MapSqlParameterSource application) {
                this.application = application;
            }
        }

        private record Pending(Receipt receipt, Change change) {
        }

        Receipt receipt(MapSqlParameterSource application) {
            Receipt receipt = new Receipt(application);
            receipts.add(receipt);
            writeThroughIfFailedLately();
            return receipt;
        }

        void add(Receipt receipt, Change change) {
            changes.add(new Pending(receipt, change));
            writeThroughIfFailedLately();
        }

        private void writeThroughIfFailedLately() {
            if (HeldWrites.writesThrough(AnnualTablesProjection.this)) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (!receipts.isEmpty()) {
                int[] inserted = HeldWrites.send(batch, INSERT_APPLICATION,
                        receipts.stream().map(r -> r.application).toArray(SqlParameterSource[]::new));
                for (int i = 0; i < inserted.length; i++) {
                    receipts.get(i).inserted = inserted[i] != 0;
                }
            }
            List<Change> counted = changes.stream()
                    .filter(pending -> pending.receipt() == null || pending.receipt().inserted)
                    .map(Pending::change)
                    .toList();
            receipts.clear();
            changes.clear();
            if (counted.isEmpty()) {
                return;
            }
            HeldWrites.send(batch, LOG_CHANGE, counted.stream().map(Change::parameters).toArray(SqlParameterSource[]::new));
            Map<Counter, Long> sums = new TreeMap<>();
            counted.forEach(change -> sums.merge(change.counter(), change.delta(), Long::sum));
            HeldWrites.send(batch, ADD_TO_COUNTER, sums.entrySet().stream()
                    .map(sum -> sum.getKey().parameters().addValue("delta", sum.getValue()))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    /** One counter of one agency-year's table. */
    private record Counter(String agency, int year, String row, String column) implements Comparable<Counter> {

        private static final Comparator<Counter> ORDER = Comparator.comparing(Counter::agency)
                .thenComparingInt(Counter::year).thenComparing(Counter::row).thenComparing(Counter::column);

        @Override
        public int compareTo(Counter other) {
            return ORDER.compare(this, other);
        }

        MapSqlParameterSource parameters() {
            return new MapSqlParameterSource()
                    .addValue("agency", agency)
                    .addValue("year", year)
                    .addValue("row", row)
                    .addValue("column", column);
        }
    }

    /** One counter moved by one event, with its cause: a row of the change log. */
    private record Change(Cause cause, String agency, int year, TableRow row, TableColumn column, long delta) {

        Counter counter() {
            return new Counter(ProjectionText.of(agency), year, row.name(), column.name());
        }

        MapSqlParameterSource parameters() {
            return counter().parameters()
                    .addValue("delta", delta)
                    .addValue("at", cause.recordedAt().atOffset(ZoneOffset.UTC))
                    .addValue("event", cause.eventId())
                    .addValue("type", cause.eventType())
                    .addValue("request", cause.requestId())
                    .addValue("number", ProjectionText.of(cause.registrationNumber()))
                    .addValue("by", cause.recordedBy() == null ? null : ProjectionText.of(cause.recordedBy()));
        }
    }

    /** The application as counted so far, if this event was not applied yet (redelivery is harmless). */
    private Optional<CountedApplication> applicationBefore(UUID requestId, long sequenceNumber) {
        held().flush(); // the application may be among the held receipts
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
