package cn.gongkai.ledger.report;

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

    ReportFactsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestReceived event) {
        jdbc.sql("""
                        insert into report_request_fact (request_id, agency_id, registration_number, received_on)
                        values (:id, :agency, :number, :received) on conflict (request_id) do nothing""")
                .param("id", event.requestId())
                .param("agency", ProjectionText.of(event.agencyId()))
                .param("number", ProjectionText.of(event.registrationNumber()))
                .param("received", event.receivedOn())
                .update();
    }

    @EventHandler
    void on(DeadlineExtended event) {
        jdbc.sql("update report_request_fact set extended = true where request_id = :id")
                .param("id", event.requestId()).update();
    }

    @EventHandler
    void on(RequestConcluded event) {
        jdbc.sql("update report_request_fact set concluded_on = :on where request_id = :id")
                .param("id", event.requestId()).param("on", event.concludedOn()).update();
    }

    @EventHandler
    void on(AnswerDrafted event) {
        jdbc.sql("""
                        insert into report_answer_draft (request_id, draft_number, drafted_on)
                        values (:id, :number, :on) on conflict do nothing""")
                .param("id", event.requestId()).param("number", event.draftNumber()).param("on", event.draftedOn())
                .update();
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
        jdbc.sql("update report_answer_draft set decided_on = :on where request_id = :id and draft_number = :number")
                .param("id", requestId).param("number", draftNumber).param("on", on).update();
    }

    @EventHandler
    void on(FeeNoticeIssued event) {
        jdbc.sql("""
                        insert into report_fee_notice (request_id, issued_on, amount_fen) values (:id, :on, :fen)
                        on conflict (request_id) do update set issued_on = excluded.issued_on,
                            amount_fen = excluded.amount_fen""")
                .param("id", event.requestId()).param("on", event.issuedOn()).param("fen", event.amountFen())
                .update();
    }

    @EventHandler
    void on(FeePaid event) {
        jdbc.sql("update report_fee_notice set paid_on = :on, paid_fen = :fen where request_id = :id")
                .param("id", event.requestId()).param("on", event.paidOn()).param("fen", event.amountFen())
                .update();
    }

    @EventHandler
    void on(FeeWaived event) {
        jdbc.sql("update report_fee_notice set waived_on = :on where request_id = :id")
                .param("id", event.requestId()).param("on", event.waivedOn()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table report_request_fact, report_answer_draft, report_fee_notice").update();
    }
}
