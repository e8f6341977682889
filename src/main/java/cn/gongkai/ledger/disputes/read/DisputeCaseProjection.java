package cn.gongkai.ledger.disputes.read;

import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import org.axonframework.config.ProcessingGroup;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code dispute_case}, one row per case, from which {@code DisputeTables} counts part 四 and
 * the case list is read. Fed by a pooled streaming processor; every write is idempotent, so a
 * redelivery after a crash changes nothing, and it can be replayed from scratch.
 */
@Component
@ProcessingGroup(DisputeCaseProjection.PROCESSING_GROUP)
class DisputeCaseProjection {

    static final String PROCESSING_GROUP = "dispute-tables";

    private final JdbcClient jdbc;

    DisputeCaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DisputeFiled event, @Timestamp Instant recordedAt) {
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
    }

    @EventHandler
    void on(DisputeDecided event, @Timestamp Instant recordedAt) {
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
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table dispute_case").update();
    }
}
