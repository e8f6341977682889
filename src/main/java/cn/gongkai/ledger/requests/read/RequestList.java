package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.calendar.CalendarService;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.requests.ApplicantCategory;
import cn.gongkai.ledger.requests.Outcome;
import cn.gongkai.ledger.requests.RequestStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one query over the list read model ({@code request_summary}): an agency's applications by status, year,
 * category, handler, due date, and the counts of what needs doing. {@code GET /api/requests} and the pages
 * (待办, the landing page) both ask it, so that they always agree.
 */
@Component
public class RequestList {

    /**
     * Due today or within this many working days after it is highlighted: 3个工作日内到期 (counted like the
     * deadlines, from the day after: on a Monday, due by Thursday).
     */
    public static final int DUE_SOON_WORKING_DAYS = 3;

    private static final String OPEN = "status not in ('CONCLUDED','ARCHIVED')";

    private final JdbcClient jdbc;
    private final CalendarService calendar;
    private final Clock clock;

    RequestList(JdbcClient jdbc, CalendarService calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** How the list is ordered. */
    public enum Order {
        /** newest receipt first: the API's order */
        RECEIVED_DESC("received_on desc, registration_number desc"),
        /** the nearest due date first, those without one last */
        DUE_ASC("due_on asc nulls last, registration_number"),
        DUE_DESC("due_on desc nulls last, registration_number desc");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * What to list; every criterion may be null (or false) for "any".
     *
     * @param openOnly           only the applications not yet concluded or archived
     * @param overdue            open and past its due date
     * @param dueWithin          open and due within this many working days from today
     * @param extended           open with an extension (已延期)
     * @param handler            the handler who last acted on it ({@code handled_by})
     * @param registrationNumber part of the registration number
     */
    public record Filter(String agencyId, RequestStatus status, Integer year, ApplicantCategory category,
                         boolean openOnly, boolean overdue, Integer dueWithin, boolean extended, String handler,
                         String registrationNumber, Order order, int page, int size) {

        /** The API's filter: newest first. */
        public static Filter of(String agencyId, RequestStatus status, Integer year, ApplicantCategory category,
                                boolean overdue, Integer dueWithin, int page, int size) {
            return new Filter(agencyId, status, year, category, false, overdue, dueWithin, false, null, null,
                    Order.RECEIVED_DESC, page, size);
        }
    }

    /** One application of the list. {@code dueSoon}: open and due within {@link #DUE_SOON_WORKING_DAYS}. */
    public record Summary(UUID requestId, String registrationNumber, LocalDate receivedOn,
                          ApplicantCategory applicantCategory, RequestStatus status, String statusLabel,
                          Outcome outcome, LocalDate concludedOn, LocalDate dueOn, boolean dueProvisional,
                          boolean overdue, long version) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /**
     * The pages' extras for one row: besides the API's summary, whether it is due soon or extended, who
     * handles it, and who drafted its answer (null before a draft).
     */
    public record Row(Summary summary, boolean dueSoon, boolean extended, String handledBy, String drafter) {
    }

    /** What needs doing in an agency now: the landing page's and 待办's header counts. */
    public record Counts(long open, long overdue, long dueSoon, long awaitingCorrection, long inConsultation,
                         long awaitingFee, long extended, long awaitingReview) {
    }

    public Page find(Filter filter) {
        List<Row> rows = rows(filter);
        return new Page(new ArrayList<>(rows.stream().map(Row::summary).toList()), filter.page(), filter.size(),
                count(filter));
    }

    /** The rows of one page, with the pages' extras. */
    public List<Row> rows(Filter filter) {
        LocalDate today = BusinessClock.today(clock);
        LocalDate soon = soon(today);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params, today);
        return jdbc.sql("select request_id, registration_number, received_on, applicant_category, status,"
                        + " outcome, concluded_on, due_on, due_provisional, version, handled_by,"
                        + " coalesce((state->>'extensionWorkingDays')::int, 0) as extension, state->>'drafter' as drafter"
                        // the page's ids first (an index-only scan where an index holds the filter's columns),
                        // then their rows
                        + " from request_summary where request_id in (select request_id from request_summary where "
                        + where + " order by " + filter.order().sql + " limit :limit offset :offset)"
                        + " order by " + filter.order().sql)
                .params(params)
                .param("limit", filter.size())
                .param("offset", (long) filter.page() * filter.size())
                .query((rs, row) -> {
                    RequestStatus rowStatus = RequestStatus.valueOf(rs.getString("status"));
                    String outcome = rs.getString("outcome");
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    boolean overdue = rowStatus.isOpen() && dueOn != null && dueOn.isBefore(today);
                    Summary summary = new Summary(
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
                            overdue,
                            rs.getLong("version"));
                    boolean dueSoon = rowStatus.isOpen() && !overdue && dueOn != null && !dueOn.isAfter(soon);
                    return new Row(summary, dueSoon, rs.getInt("extension") > 0, rs.getString("handled_by"),
                            rs.getString("drafter"));
                })
                .list();
    }

    public long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params, BusinessClock.today(clock));
        return jdbc.sql("select count(*) from request_summary where " + where).params(params).query(Long.class)
                .single();
    }

    public Counts counts(String agencyId) {
        LocalDate today = BusinessClock.today(clock);
        return jdbc.sql("select count(*),"
                        + " count(*) filter (where due_on < :today),"
                        + " count(*) filter (where due_on between :today and :soon),"
                        + " count(*) filter (where status = 'AWAITING_CORRECTION'),"
                        + " count(*) filter (where status = 'IN_CONSULTATION'),"
                        + " count(*) filter (where status = 'AWAITING_FEE'),"
                        + " count(*) filter (where coalesce((state->>'extensionWorkingDays')::int, 0) > 0),"
                        + " count(*) filter (where status = 'ANSWER_DRAFTED')"
                        + " from request_summary where agency_id = :agency and " + OPEN)
                .param("agency", agencyId)
                .param("today", today)
                .param("soon", soon(today))
                .query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .single();
    }

    /** The handlers named on the agency's applications, for the handler filter. */
    public List<String> handlers(String agencyId) {
        return jdbc.sql("select distinct handled_by from request_summary where agency_id = :agency"
                        + " and handled_by is not null order by handled_by")
                .param("agency", agencyId).query(String.class).list();
    }

    /** The last day that is still "due soon": the third working day after today. */
    private LocalDate soon(LocalDate today) {
        return calendar.current().addWorkingDays(today, DUE_SOON_WORKING_DAYS).dueOn();
    }

    private String where(Filter filter, Map<String, Object> params, LocalDate today) {
        StringBuilder where = new StringBuilder("agency_id = :agency");
        params.put("agency", filter.agencyId());
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.year() != null) {
            where.append(" and received_on between :yearStart and :yearEnd");
            params.put("yearStart", LocalDate.of(filter.year(), 1, 1));
            params.put("yearEnd", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.category() != null) {
            where.append(" and applicant_category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.openOnly()) {
            where.append(" and ").append(OPEN);
        }
        if (filter.overdue()) {
            where.append(" and ").append(OPEN).append(" and due_on < :today");
            params.put("today", today);
        }
        if (filter.dueWithin() != null) {
            where.append(" and ").append(OPEN).append(" and due_on between :today and :horizon");
            params.put("today", today);
            params.put("horizon", calendar.current().addWorkingDays(today, filter.dueWithin()).dueOn());
        }
        if (filter.extended()) {
            where.append(" and ").append(OPEN).append(" and coalesce((state->>'extensionWorkingDays')::int, 0) > 0");
        }
        if (filter.handler() != null && !filter.handler().isBlank()) {
            where.append(" and handled_by = :handler");
            params.put("handler", filter.handler());
        }
        if (filter.registrationNumber() != null && !filter.registrationNumber().isBlank()) {
            where.append(" and registration_number like :number escape '\\'");
            params.put("number", "%" + filter.registrationNumber().strip()
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }
}
