package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.access.ActorMetaData;
import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.HeldWrites;
import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.calendar.Deadline;
import cn.gongkai.ledger.calendar.DeadlineRecomputation;
import cn.gongkai.ledger.calendar.MovedDeadline;
import cn.gongkai.ledger.calendar.WorkingDayCalendar;
import cn.gongkai.ledger.requests.events.RequestEvent;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code request_summary}, the list of applications with their status and due date.
 * A pooled streaming processor feeds it, one application's events in order; it can be replayed
 * from scratch. When the calendar changes, it recomputes the due dates of open applications. Beside each
 * application it keeps its 经办人 ({@code handled_by}): the last handler who acted on it.
 */
@Component
@ProcessingGroup(RequestSummaryProjection.PROCESSING_GROUP)
class RequestSummaryProjection implements DeadlineRecomputation {

    static final String PROCESSING_GROUP = "request-summary";

    private static final String SAVE = """
            insert into request_summary (request_id, agency_id, registration_number, received_on,
                applicant_category, status, outcome, concluded_on, due_on, due_provisional, version,
                state, handled_by, updated_at)
            values (:id, :agency, :number, :received, :category, :status, :outcome, :concluded, :due,
                :provisional, :version, cast(:state as jsonb), :handledBy, now())
            on conflict (request_id) do update set
                applicant_category = excluded.applicant_category, status = excluded.status,
                outcome = excluded.outcome, concluded_on = excluded.concluded_on,
                due_on = excluded.due_on, due_provisional = excluded.due_provisional,
                version = excluded.version, state = excluded.state,
                handled_by = coalesce(excluded.handled_by, request_summary.handled_by),
                updated_at = now()""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final StatutoryDeadlines deadlines;

    RequestSummaryProjection(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json,
                             StatutoryDeadlines deadlines) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(RequestEvent event, @SequenceNumber long sequenceNumber,
            @MetaDataValue(ActorMetaData.USERNAME) String actor, @MetaDataValue(ActorMetaData.ROLES) String roles) {
        Held held = HeldWrites.of(this, Held::new);
        RequestFile file = event instanceof RequestReceived
                ? new RequestFile()
                : held.file(event.requestId()).or(() -> load(event.requestId())).orElseThrow(() ->
                        new IllegalStateException("no summary for " + event.requestId() + " before event " + sequenceNumber));
        if (sequenceNumber <= file.version()) {
            return; // already applied: the processor may redeliver after a crash
        }
        file.apply(event, sequenceNumber);
        held.put(file, deadlines.of(file), handler(actor, roles));
    }

    /**
     * The summaries this transaction changed, written by one JDBC batch before it commits; the later events of
     * an application in the same batch of the processor find its summary here.
     */
    private final class Held implements HeldWrites.Batch {

        private final Map<UUID, Row> rows = new LinkedHashMap<>();

        Optional<RequestFile> file(UUID requestId) {
            return Optional.ofNullable(rows.get(requestId)).map(Row::file);
        }

        void put(RequestFile file, Optional<Deadline> deadline, String handledBy) {
            Row before = rows.get(file.requestId());
            // null leaves the 经办人 as it was: the one held, else the stored one (coalesce in the statement)
            String handler = handledBy != null || before == null ? handledBy : before.handledBy();
            rows.put(file.requestId(), new Row(file, deadline, handler));
            if (HeldWrites.writesThrough(RequestSummaryProjection.this)) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (rows.isEmpty()) {
                return;
            }
            HeldWrites.send(batch, SAVE, rows.values().stream()
                    .map(row -> parameters(row.file(), row.deadline(), row.handledBy()))
                    .toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }

    private record Row(RequestFile file, Optional<Deadline> deadline, String handledBy) {
    }

    @ResetHandler
    void reset() {
        jdbc.sql("truncate table request_summary").update();
    }

    @Override
    public List<MovedDeadline> recomputeOpenDeadlines(WorkingDayCalendar calendar) {
        List<MovedDeadline> moved = new ArrayList<>();
        List<StoredDue> open = jdbc.sql("""
                        select state::text, due_on, due_provisional from request_summary
                        where status not in ('CONCLUDED', 'ARCHIVED') order by registration_number""")
                .query((rs, row) -> new StoredDue(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3)))
                .list();
        for (StoredDue stored : open) {
            RequestFile file = json.readValue(stored.state(), RequestFile.class);
            Optional<Deadline> after = deadlines.of(file, calendar);
            LocalDate dueAfter = after.map(Deadline::dueOn).orElse(null);
            boolean provisionalAfter = after.map(Deadline::provisional).orElse(false);
            if (!Objects.equals(stored.dueOn(), dueAfter) || stored.provisional() != provisionalAfter) {
                save(file, after, null);
            }
            if (!Objects.equals(stored.dueOn(), dueAfter)) {
                moved.add(new MovedDeadline(file.requestId(), file.registrationNumber(), stored.dueOn(), dueAfter));
            }
        }
        return moved;
    }

    private record StoredDue(String state, LocalDate dueOn, boolean provisional) {
    }

    private Optional<RequestFile> load(UUID requestId) {
        return jdbc.sql("select state::text from request_summary where request_id = :id")
                .param("id", requestId)
                .query(String.class)
                .optional()
                .map(state -> json.readValue(state, RequestFile.class));
    }

    /** The 经办人 of the application: the last handler who acted on it (registered, drafted, ...); null: unchanged. */
    private static String handler(String actor, String roles) {
        if (actor == null || roles == null) {
            return null;
        }
        for (String role : roles.split(",")) {
            if (role.strip().equals(Role.HANDLER.name())) {
                return actor;
            }
        }
        return null;
    }

    /** Outside the processor (a calendar change): at once. */
    private void save(RequestFile file, Optional<Deadline> deadline, String handledBy) {
        batch.update(SAVE, parameters(file, deadline, handledBy));
    }

    private MapSqlParameterSource parameters(RequestFile file, Optional<Deadline> deadline, String handledBy) {
        return new MapSqlParameterSource()
                .addValue("id", file.requestId())
                .addValue("agency", ProjectionText.of(file.agencyId()))
                .addValue("number", ProjectionText.of(file.registrationNumber()))
                .addValue("received", file.receivedOn())
                .addValue("category", file.applicantCategory().name())
                .addValue("status", file.status().name())
                .addValue("outcome", file.outcome() == null ? null : file.outcome().name())
                .addValue("concluded", file.concludedOn())
                .addValue("due", deadline.map(Deadline::dueOn).orElse(null))
                .addValue("provisional", deadline.map(Deadline::provisional).orElse(false))
                .addValue("version", file.version())
                .addValue("state", ProjectionText.json(json.writeValueAsString(file)))
                .addValue("handledBy", handledBy == null ? null : ProjectionText.of(handledBy));
    }
}
