package cn.gongkai.ledger.audit;

import cn.gongkai.ledger.platform.HeldWrites;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.disputes.events.DisputeCorrected;
import cn.gongkai.ledger.access.events.AgencyEvent;
import cn.gongkai.ledger.disputes.events.DisputeDecided;
import cn.gongkai.ledger.disputes.events.DisputeFiled;
import cn.gongkai.ledger.disputes.events.DisputeWithdrawn;
import cn.gongkai.ledger.requests.HistoryLabels;
import cn.gongkai.ledger.requests.events.ApplicantCategoryCorrected;
import cn.gongkai.ledger.requests.events.OutcomeCorrected;
import cn.gongkai.ledger.requests.events.RequestCarriedForward;
import cn.gongkai.ledger.requests.events.RequestConcluded;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import cn.gongkai.ledger.report.events.AnnualReportPublished;
import cn.gongkai.ledger.report.events.GateWarningAcknowledged;
import cn.gongkai.ledger.report.events.Part2Entry;
import cn.gongkai.ledger.report.events.Part2FiguresCorrected;
import cn.gongkai.ledger.report.events.Part2FiguresEntered;
import cn.gongkai.ledger.report.events.ProseSaved;
import cn.gongkai.ledger.statistics.events.ReportPublished;
import cn.gongkai.ledger.statistics.events.YearClosed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one {@code audit_entry} per event of the store, whatever its type: the step in plain
 * words, its business date and recorded time, and from the metadata who acted (user, roles,
 * agency, client address), in which run of work (correlation id), because of which message
 * (causation id) and why (reason). Plus what the after-the-fact view needs: the application and
 * its registration number, and which agency-year's tables the event changes.
 *
 * <p>Looks up only entries of the same aggregate, which the processor delivers in order within a
 * segment, so the result does not depend on how the segments interleave: a reset and replay gives
 * the same rows. Nothing of the applicant is copied.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
class AuditTrailProjection {

    static final String PROCESSING_GROUP = "audit-trail";

    private static final String INSERT = """
            insert into audit_entry (global_index, event_id, aggregate_type, aggregate_id, sequence_number, event_type,
                label, agency_id, actor, roles, client_address, correlation_id, causation_id, reason, business_date,
                recorded_at, request_id, registration_number, change_kind, counts_in_year)
            values (:position, :eventId, :aggregateType, :aggregateId, :sequence, :eventType, :label, :agency, :actor,
                :roles, :clientAddress, :correlation, :causation, :reason, :businessDate, :recordedAt, :requestId,
                :registrationNumber, :changeKind, :year)
            on conflict (global_index) do nothing""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    AuditTrailProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Facts facts = facts(payload, aggregateId);
        MetaData metaData = message.getMetaData();
        String agency = Optional.ofNullable(text(metaData, ActorMetaData.AGENCY)).orElse(facts.agencyId());
        held().add(new Entry(aggregateId, payload.getClass().getSimpleName(), facts, new MapSqlParameterSource()
                .addValue("position", position(message))
                .addValue("eventId", ProjectionText.of(message.getIdentifier()))
                .addValue("aggregateType", ProjectionText.of(
                        message instanceof DomainEventMessage<?> domain ? domain.getType() : null))
                .addValue("aggregateId", ProjectionText.of(aggregateId))
                .addValue("sequence", message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null)
                .addValue("eventType", ProjectionText.of(payload.getClass().getSimpleName()))
                .addValue("label", ProjectionText.of(facts.label()))
                .addValue("agency", ProjectionText.of(agency == null ? "" : agency))
                .addValue("actor", ProjectionText.of(text(metaData, ActorMetaData.USERNAME)))
                .addValue("roles", ProjectionText.of(text(metaData, ActorMetaData.ROLES)))
                .addValue("clientAddress", ProjectionText.of(text(metaData, ActorMetaData.CLIENT_ADDRESS)))
                .addValue("correlation", ProjectionText.of(text(metaData, ActorMetaData.CORRELATION_ID)))
                .addValue("causation", ProjectionText.of(text(metaData, ActorMetaData.CAUSATION_ID)))
                .addValue("reason", ProjectionText.of(text(metaData, ActorMetaData.REASON)))
                .addValue("businessDate", facts.businessDate())
                .addValue("recordedAt", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .addValue("requestId", facts.requestId())
                .addValue("registrationNumber", ProjectionText.of(facts.registrationNumber()))
                .addValue("changeKind", facts.changeKind() == null ? null : facts.changeKind().name())
                .addValue("year", facts.year())));
    }

    private Held held() {
        return HeldWrites.of(this, Held::new);
    }

    /**
     * The entries of one transaction of the processor, inserted by one JDBC batch before it commits. The lookups
     * of later events of the same aggregate (its registration number, the year it counted in) look among them
     * first: they are not in the table yet.
     */
    private final class Held implements HeldWrites.Batch {

        private final List<Entry> entries = new ArrayList<>();

        void add(Entry entry) {
            entries.add(entry);
            if (HeldWrites.writesThrough(AuditTrailProjection.this)) {
                flush();
            }
        }

        /** The latest held entry of that aggregate that matches, if any. */
        Optional<Entry> latest(String aggregateId, Predicate<Entry> matching) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry entry = entries.get(i);
                if (Objects.equals(entry.aggregateId(), aggregateId) && matching.test(entry)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }

        @Override
        public void flush() {
            if (entries.isEmpty()) {
                return;
            }
            HeldWrites.send(batch, INSERT, entries.stream().map(Entry::row).toArray(SqlParameterSource[]::new));
            entries.clear();
        }
    }

    private record Entry(String aggregateId, String eventType, Facts facts, MapSqlParameterSource row) {
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table audit_entry").update();
    }

    /** What the entry says beyond the metadata; the labels of request events are the application view's own. */
    private Facts facts(Object payload, String aggregateId) {
        return switch (payload) {
            case RequestReceived e -> new Facts(HistoryLabels.of(e), e.businessDate(), e.agencyId(), e.requestId(),
                    e.registrationNumber(), ChangeKind.REGISTRATION, e.receivedOn().getYear());
            case RequestConcluded e -> request(e, ChangeKind.CONCLUSION, e.concludedOn().getYear());
            case OutcomeCorrected e -> request(e, ChangeKind.OUTCOME_CORRECTION,
                    yearOf(e.requestId(), ChangeKind.CONCLUSION));
            case ApplicantCategoryCorrected e -> request(e, ChangeKind.CATEGORY_CORRECTION,
                    yearOf(e.requestId(), ChangeKind.REGISTRATION));
            case RequestCarriedForward e -> request(e, ChangeKind.CARRY_FORWARD, e.fromYear());
            case RequestEvent e -> request(e, null, null);
            case YearClosed e -> new Facts("关闭" + e.year() + "年度", e.closedOn(), e.agencyId(), null, null,
                    ChangeKind.YEAR_CLOSE, e.year());
            case ReportPublished e -> new Facts("公布" + e.year() + "年度报告（第" + e.version() + "版）",
                    e.publishedOn(), e.agencyId(), null, null, null, null);
            case DisputeFiled e -> new Facts("登记" + e.kind().label() + "案件", e.filedOn(), e.agencyId(),
                    e.requestId(), e.registrationNumber(), null, null);
            case DisputeDecided e -> new Facts(("复议诉讼审结：" + e.result().label()), e.decidedOn(), e.agencyId(),
                    e.requestId(), registrationNumber(aggregateId, "DisputeFiled"), null, null);
            case DisputeCorrected e -> new Facts("更正复议诉讼案件：" + e.kind().label()
                    + (e.decided() ? "，" + e.result().label() + "（" + e.decidedOn() + "）" : "，尚未审结"),
                    e.correctedOn(), e.agencyId(), e.requestId(), e.registrationNumber(), null, null);
            case DisputeWithdrawn e -> new Facts("撤销登记复议诉讼案件", e.withdrawnOn(), e.agencyId(), e.requestId(),
                    registrationNumber(aggregateId, "DisputeFiled"), null, null);
            case Part2FiguresEntered e -> new Facts("录入" + e.year() + "年度报告第二部分：" + figures(e.entries()),
                    null, e.agencyId(), null, null, null, null);
            case Part2FiguresCorrected e -> new Facts("更正" + e.year() + "年度报告第二部分：" + figures(e.previous())
                    + " → " + figures(e.entries()), null, e.agencyId(), null, null, null, null);
            case ProseSaved e -> new Facts((e.generated() ? "生成" : "保存") + e.year() + "年度报告正文" + e.section()
                    + "第" + e.version() + "版", null, e.agencyId(), null, null, null, null);
            case GateWarningAcknowledged e -> new Facts("确认" + e.year() + "年度报告发布前检查警告" + e.rule() + "：" + e.finding(),
                    null, e.agencyId(), null, null, null, null);
            case AnnualReportPublished e -> new Facts("发布" + e.year() + "年度报告全文（第" + e.version() + "版）"
                    + (e.changeNote() == null ? "" : "：" + e.changeNote()), e.publishedOn(), e.agencyId(), null, null,
                    null, null);
            case AgencyEvent e -> new Facts(e.label(), null, e.agencyId(), null, null, null, null);
            default -> new Facts(payload.getClass().getSimpleName(), null, null, null, null, null, null);
        };
    }

    private static String figures(java.util.List<Part2Entry> entries) {
        return String.join("，", entries.stream().map(entry -> entry.figure() + "=" + entry.value()).toList());
    }

    private Facts request(RequestEvent event, ChangeKind kind, Integer year) {
        return new Facts(HistoryLabels.of(event), event.businessDate(), null, event.requestId(),
                registrationNumber(event.requestId().toString(), "RequestReceived"), kind, year);
    }

    /** The year an earlier event of the same application counted in (its registration or its latest conclusion). */
    private Integer yearOf(UUID requestId, ChangeKind kind) {
        Optional<Entry> held = held().latest(requestId.toString(),
                entry -> kind == entry.facts().changeKind() && requestId.equals(entry.facts().requestId()));
        if (held.isPresent()) {
            return held.get().facts().year();
        }
        return jdbc.sql("""
                        select counts_in_year from audit_entry
                        where request_id = :id and change_kind = :kind and aggregate_id = :aggregate
                        order by global_index desc limit 1""")
                .param("id", requestId)
                .param("kind", kind.name())
                .param("aggregate", requestId.toString())
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    /** The registration number recorded with the aggregate's first event ({@code RequestReceived}, {@code DisputeFiled}). */
    private String registrationNumber(String aggregateId, String firstEventType) {
        Optional<Entry> held = held().latest(aggregateId, entry -> firstEventType.equals(entry.eventType()));
        if (held.isPresent()) {
            return held.get().facts().registrationNumber();
        }
        return jdbc.sql("""
                        select registration_number from audit_entry
                        where aggregate_id = :aggregate and event_type = :type""")
                .param("aggregate", aggregateId)
                .param("type", firstEventType)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** The event's place in the store; every event reaches a streaming processor with its token. */
    private static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            return tracked.trackingToken().position().orElseThrow(() ->
                    new IllegalStateException("event " + message.getIdentifier() + " has no position in the store"));
        }
        throw new IllegalStateException("the audit trail is kept by a streaming processor; event "
                + message.getIdentifier() + " came without a tracking token");
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    /** The entry's own facts; {@code agencyId} only where the payload names it (the metadata's wins). */
    private record Facts(String label, LocalDate businessDate, String agencyId, UUID requestId,
                         String registrationNumber, ChangeKind changeKind, Integer year) {
    }
}
