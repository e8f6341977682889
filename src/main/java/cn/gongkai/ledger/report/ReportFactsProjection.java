package cn.gongkai.ledger.report;

import cn.gongkai.ledger.platform.HeldStatements;
import cn.gongkai.ledger.platform.HeldWrites;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.requests.events.AnswerApproved;
import cn.gongkai.ledger.requests.events.AnswerDrafted;
import cn.gongkai.ledger.requests.events.AnswerReturned;
import cn.gongkai.ledger.requests.events.DeadlineExtended;
import cn.gongkai.ledger.requests.events.FeeNoticeIssued;
import cn.gongkai.ledger.requests.events.FeePaid;
import cn.gongkai.ledger.requests.events.FeeWaived;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestReceived;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what the report needs of the applications and the annual tables do not count: the fees actually
 * paid (part 六's 信息处理费, by the date paid), the answer drafts and whether each was approved or returned,
 * the fee notices and whether they were paid or waived, and which deadlines were extended (the gate's
 * warnings). Every write is idempotent, so a redelivery or a replay from scratch gives the same rows.
 * Nothing of the applicant is read.
 */
@Component
@ProcessingGroup(ReportFactsProjection.PROCESSING_GROUP)
class ReportFactsProjection {

    static final String PROCESSING_GROUP = "annual-report-facts";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReportFactsProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(RequestReceived event) {
        hold("""
                insert into report_request_fact (request_id, agency_id, registration_number, received_on)
                values (:id, :agency, :number, :received) on conflict (request_id) do nothing""", new MapSqlParameterSource()
                .addValue("id", event.requestId())
                .addValue("agency", ProjectionText.of(event.agencyId()))
                .addValue("number", ProjectionText.of(event.registrationNumber()))
                .addValue("received", event.receivedOn()));
    }

    @EventHandler
    void on(DeadlineExtended event) {
        hold("update report_request_fact set extended = true where request_id = :id",
                new MapSqlParameterSource("id", event.requestId()));
    }

    @EventHandler
    void on(RequestConcluded event) {
        hold("update report_request_fact set concluded_on = :on where request_id = :id",
                new MapSqlParameterSource("id", event.requestId()).addValue("on", event.concludedOn()));
    }

    @EventHandler
    void on(AnswerDrafted event) {
        hold("""
                insert into report_answer_draft (request_id, draft_number, drafted_on)
                values (:id, :number, :on) on conflict do nothing""",
                new MapSqlParameterSource("id", event.requestId()).addValue("number", event.draftNumber())
                        .addValue("on", event.draftedOn()));
    }

    @EventHandler
    void on(AnswerApproved event) {
        decided(event.requestId(), event.draftNumber(), event.approvedOn());
    }

    @EventHandler
    void on(AnswerReturned event) {
        decided(event.requestId(), event.draftNumber(), event.returnedOn());
    }

    private void decided(java.util.UUID requestId, int draftNumber, java.time.LocalDate on) {
        hold("update report_answer_draft set decided_on = :on where request_id = :id and draft_number = :number",
                new MapSqlParameterSource("id", requestId).addValue("number", draftNumber).addValue("on", on));
    }

    @EventHandler
    void on(FeeNoticeIssued event) {
        hold("""
                insert into report_fee_notice (request_id, issued_on, amount_fen) values (:id, :on, :fen)
                on conflict (request_id) do update set issued_on = excluded.issued_on,
                    amount_fen = excluded.amount_fen""",
                new MapSqlParameterSource("id", event.requestId()).addValue("on", event.issuedOn())
                        .addValue("fen", event.amountFen()));
    }

    @EventHandler
    void on(FeePaid event) {
        hold("update report_fee_notice set paid_on = :on, paid_fen = :fen where request_id = :id",
                new MapSqlParameterSource("id", event.requestId()).addValue("on", event.paidOn())
                        .addValue("fen", event.amountFen()));
    }

    @EventHandler
    void on(FeeWaived event) {
        hold("update report_fee_notice set waived_on = :on where request_id = :id",
                new MapSqlParameterSource("id", event.requestId()).addValue("on", event.waivedOn()));
    }

    /** Every statement of a transaction of the processor goes in its batches before the commit: nothing here reads. */
    private void hold(String sql, MapSqlParameterSource parameters) {
        HeldWrites.of(this, () -> new HeldStatements(batch, this)).add(sql, parameters);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table report_request_fact, report_answer_draft, report_fee_notice").update();
    }
}
