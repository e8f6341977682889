package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.statistics.AnnualTablesChanges;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code dispute_case}, one row per case as it stands now (a withdrawn case has none), from
 * which {@code DisputeTables} counts part 四 and the case list is read; and
 * {@code dispute_case_version}, every state each case was in with the instants between which the
 * ledger knew it, from which part 四 is counted as it stood at a past instant and the moves of a
 * case between cells are explained. Fed by a pooled streaming processor; every write is idempotent
 * (a state is keyed by the event's sequence number), so a redelivery after a crash changes nothing,
 * and it can be replayed from scratch.
 */
@Component
@ProcessingGroup(DisputeCaseProjection.PROCESSING_GROUP)
class DisputeCaseProjection {

    static final String PROCESSING_GROUP = "dispute-tables";

    /** The columns of a state, in the order the inserts below name them. */
    private static final String STATE = "dispute_id, version, agency_id, request_id, registration_number, kind,"
            + " filed_on, result, decided_on, withdrawn, recorded_from, event_type, recorded_by";

    private final JdbcClient jdbc;
    private final AnnualTablesChanges changes;

    DisputeCaseProjection(JdbcClient jdbc, AnnualTablesChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @EventHandler
    void on(DisputeFiled event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            MetaData metaData) {
        jdbc.sql("""
                        insert into dispute_case (dispute_id, agency_id, request_id, registration_number, kind,
                            filed_on, case_number, authority, filed_recorded_at)
                        values (:dispute, :agency, :request, :number, :kind, :filed, :caseNumber, :authority,
                            :recordedAt)
                        on conflict (dispute_id) do nothing""")
                .param("dispute", event.disputeId())
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("request", event.requestId())
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("kind", event.kind().name())
                .param("filed", event.filedOn())
                .param("caseNumber", ProjectionText.of(event.caseNumber()))
                .param("authority", ProjectionText.of(event.authority()))
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("insert into dispute_case_version (" + STATE + ") values (:dispute, :version, :agency, :request,"
                        + " :number, :kind, :filed, null, null, false, :recordedAt, 'DisputeFiled', :by)"
                        + " on conflict do nothing")
                .param("dispute", event.disputeId())
                .param("version", sequenceNumber)
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("request", event.requestId())
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("kind", event.kind().name())
                .param("filed", event.filedOn())
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .param("by", recordedBy(metaData))
                .update();
        // part 四 counts a case filed in F as PENDING in F and every later year until it is decided
        changes.changedFrom(event.agencyId(), event.filedOn().getYear());
    }

    @EventHandler
    void on(DisputeDecided event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            MetaData metaData) {
        jdbc.sql("select filed_on from dispute_case where dispute_id = :dispute")
                .param("dispute", event.disputeId())
                .query(LocalDate.class)
                .optional()
                .ifPresent(filedOn -> changes.changedFrom(event.agencyId(),
                        Math.min(filedOn.getYear(), event.decidedOn().getYear())));
        int updated = jdbc.sql("update dispute_case set result = :result, decided_on = :decided,"
                        + " decided_recorded_at = :recordedAt where dispute_id = :dispute")
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .param("result", event.result().name())
                .param("decided", event.decidedOn())
                .param("dispute", event.disputeId())
                .update();
        if (updated != 1) {
            // events of one case arrive in order, so its row exists: a missing row means a broken table
            throw new IllegalStateException("no dispute_case row for " + event.disputeId() + " to record its decision");
        }
        nextState(event.disputeId(), sequenceNumber, recordedAt, "DisputeDecided", metaData,
                "agency_id, request_id, registration_number, kind, filed_on, :result, :decided, false")
                .param("result", event.result().name())
                .param("decided", event.decidedOn())
                .update();
        closePreviousState(event.disputeId(), sequenceNumber, recordedAt);
    }

    @EventHandler
    void on(DisputeCorrected event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            MetaData metaData) {
        // part 四 changes from the earlier of the filing years before and after the correction
        changes.changedFrom(event.agencyId(), Math.min(event.previousFiledOn().getYear(), event.filedOn().getYear()));
        jdbc.sql("""
                        update dispute_case set request_id = :request, registration_number = :number, kind = :kind,
                            filed_on = :filed, case_number = :caseNumber, authority = :authority, result = :result,
                            decided_on = :decided,
                            decided_recorded_at = case when cast(:result as text) is null then null
                                else coalesce(decided_recorded_at, :recordedAt) end
                        where dispute_id = :dispute""")
                .param("dispute", event.disputeId())
                .param("request", event.requestId())
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("kind", event.kind().name())
                .param("filed", event.filedOn())
                .param("caseNumber", ProjectionText.of(event.caseNumber()))
                .param("authority", ProjectionText.of(event.authority()))
                .param("result", event.result() == null ? null : event.result().name())
                .param("decided", event.decidedOn())
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
        nextState(event.disputeId(), sequenceNumber, recordedAt, "DisputeCorrected", metaData,
                "agency_id, :request, :number, :kind, :filed, :result, :decided, false")
                .param("request", event.requestId())
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("kind", event.kind().name())
                .param("filed", event.filedOn())
                .param("result", event.result() == null ? null : event.result().name())
                .param("decided", event.decidedOn())
                .update();
        closePreviousState(event.disputeId(), sequenceNumber, recordedAt);
    }

    @EventHandler
    void on(DisputeWithdrawn event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt,
            MetaData metaData) {
        changes.changedFrom(event.agencyId(), event.filedOn().getYear());
        jdbc.sql("delete from dispute_case where dispute_id = :dispute").param("dispute", event.disputeId()).update();
        nextState(event.disputeId(), sequenceNumber, recordedAt, "DisputeWithdrawn", metaData,
                "agency_id, request_id, registration_number, kind, filed_on, result, decided_on, true")
                .update();
        closePreviousState(event.disputeId(), sequenceNumber, recordedAt);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table dispute_case, dispute_case_version").update();
    }

    /**
     * Inserts the case's state after the event, {@code columns} giving its values from agency to
     * withdrawn over the current state (named parameters for what the event changes), unless a
     * redelivery already inserted it.
     */
    private JdbcClient.StatementSpec nextState(UUID disputeId, long sequenceNumber, Instant recordedAt,
                                               String eventType, MetaData metaData, String columns) {
        return jdbc.sql("insert into dispute_case_version (" + STATE + ")"
                        + " select dispute_id, :version, " + columns + ", :recordedAt, :type, :by"
                        + " from dispute_case_version"
                        + " where dispute_id = :dispute and version < :version and recorded_to is null"
                        + " on conflict do nothing")
                .param("dispute", disputeId)
                .param("version", sequenceNumber)
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .param("type", eventType)
                .param("by", recordedBy(metaData));
    }

    /** The state before the event was valid until the event was recorded. */
    private void closePreviousState(UUID disputeId, long sequenceNumber, Instant recordedAt) {
        jdbc.sql("update dispute_case_version set recorded_to = :recordedAt"
                        + " where dispute_id = :dispute and version < :version and recorded_to is null")
                .param("dispute", disputeId)
                .param("version", sequenceNumber)
                .param("recordedAt", recordedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static String recordedBy(MetaData metaData) {
        Object username = metaData == null ? null : metaData.get(ActorMetaData.USERNAME);
        return username == null ? null : ProjectionText.of(username.toString());
    }
}
