package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.processing.ReadsProjection;
import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/requests}: the acting user's agency's applications, filtered by status, year of
 * receipt, applicant category, overdue, or due within N working days. Read from the list read
 * model, which trails the event store by the time its processor takes to catch up.
 */
@RestController
@ReadsProjection(RequestSummaryProjection.PROCESSING_GROUP)
@RequestMapping("/api/requests")
class RequestListEndpoint {

    private static final int MAX_PAGE_SIZE = 500;

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final CalendarService calendar;
    private final Clock clock;

    RequestListEndpoint(JdbcClient jdbc, CurrentActor currentActor, CalendarService calendar, Clock clock) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Operation(summary = "申请列表 / List the applications",
            description = "本机关的申请，可按状态、年度、申请人类别、逾期或临近期限筛选，分页。 / The agency's applications, filtered by status, year, applicant category, overdue or due within N working days; paged.")
    @GetMapping
    @PreAuthorize("hasAnyRole('HANDLER','REVIEWER','HEAD','AUDITOR')")
    Page list(@RequestParam(required = false) RequestStatus status,
              @RequestParam(required = false) Integer year,
              @RequestParam(required = false) ApplicantCategory category,
              @RequestParam(required = false, defaultValue = "false") boolean overdue,
              @RequestParam(required = false) Integer dueWithin,
              @RequestParam(required = false, defaultValue = "0") int page,
              @RequestParam(required = false, defaultValue = "50") int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InputRejected(FieldProblem.of("size", "每页条数应在1到500之间", "page size must be 1 to 500"));
        }
        if (page < 0) {
            throw new InputRejected(FieldProblem.of("page", "页码不能为负数", "page must not be negative"));
        }
        if (dueWithin != null && dueWithin < 0) {
            throw new InputRejected(FieldProblem.of("dueWithin", "不能为负数", "must not be negative"));
        }
        StringBuilder where = new StringBuilder("agency_id = :agency");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agency", currentActor.current().agencyId());
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (year != null) {
            where.append(" and received_on between :yearStart and :yearEnd");
            params.put("yearStart", LocalDate.of(year, 1, 1));
            params.put("yearEnd", LocalDate.of(year, 12, 31));
        }
        if (category != null) {
            where.append(" and applicant_category = :category");
            params.put("category", category.name());
        }
        LocalDate today = BusinessClock.today(clock);
        if (overdue) {
            where.append(" and status not in ('CONCLUDED','ARCHIVED') and due_on < :today");
            params.put("today", today);
        }
        if (dueWithin != null) {
            where.append(" and status not in ('CONCLUDED','ARCHIVED') and due_on between :today and :horizon");
            params.put("today", today);
            params.put("horizon", calendar.current().addWorkingDays(today, dueWithin).dueOn());
        }
        long total = jdbc.sql("select count(*) from request_summary where " + where)
                .params(params).query(Long.class).single();
        List<Summary> items = jdbc.sql("select request_id, registration_number, received_on, applicant_category, status,"
                        + " outcome, concluded_on, due_on, due_provisional, version from request_summary where " + where
                        + " order by received_on desc, registration_number desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> {
                    RequestStatus rowStatus = RequestStatus.valueOf(rs.getString("status"));
                    String outcome = rs.getString("outcome");
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    return new Summary(
                            rs.getObject("request_id", UUID.class),
                            rs.getString("registration_number"),
                            rs.getObject("received_on", LocalDate.class),
                            ApplicantCategory.valueOf(rs.getString("applicant_category")),
                            rowStatus,
                            rowStatus.label(),
                            outcome == null ? null : Outcome.valueOf(outcome),
                            rs.getObject("concluded_on", LocalDate.class),
                            dueOn,
                            rs.getBoolean("due_provisional"),
                            rowStatus.isOpen() && dueOn != null && dueOn.isBefore(today),
                            rs.getLong("version"));
                })
                .list();
        return new Page(new ArrayList<>(items), page, size, total);
    }

    record Summary(UUID requestId, String registrationNumber, LocalDate receivedOn,
                   ApplicantCategory applicantCategory, RequestStatus status, String statusLabel, Outcome outcome,
                   LocalDate concludedOn, LocalDate dueOn, boolean dueProvisional, boolean overdue, long version) {
    }

    record Page(List<Summary> items, int page, int size, long total) {
    }
}
