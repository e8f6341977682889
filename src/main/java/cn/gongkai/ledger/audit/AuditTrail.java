package cn.gongkai.ledger.audit;

import cn.gongkai.ledger.access.Role;
import cn.gongkai.ledger.platform.BusinessClock;
import cn.gongkai.ledger.platform.NotFound;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The three queries of the audit trail, always within one agency: another agency's entries do not exist here. */
@Component
class AuditTrail {

    /**
     * A carry-forward out of a year the application was concluded in after all (a back-dated
     * registration into a closed year, concluded right after) stays in the trail, marked as voided.
     */
    private static final String COLUMNS = """
            e.global_index, e.event_id, e.event_type,
            case when e.change_kind = 'CARRY_FORWARD' and exists (
                     select 1 from audit_entry v
                     where v.request_id = e.request_id and v.aggregate_id = e.aggregate_id
                       and v.change_kind = 'CONCLUSION' and v.counts_in_year <= e.counts_in_year)
                 then e.label || '（已更正：该申请于' || e.counts_in_year || '年度内办结，未结转）'
                 else e.label end as label,
            e.business_date, e.recorded_at, e.actor, e.roles,
            e.reason, e.client_address, e.correlation_id, e.causation_id, e.request_id, e.registration_number""";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every step of one application (and of the disputes about it) in the order recorded.
     *
     * @throws NotFound if the application is unknown, or another agency's
     */
    List<AuditStep> history(String agencyId, UUID requestId) {
        List<AuditStep> steps = jdbc.sql("select " + COLUMNS + " from audit_entry e"
                        + " where e.request_id = :id and e.agency_id = :agency order by e.global_index")
                .param("id", requestId)
                .param("agency", agencyId)
                .query((rs, row) -> step(rs))
                .list();
        if (steps.isEmpty()) {
            throw new NotFound("application " + requestId);
        }
        return steps;
    }

    /** The application of the agency with this registration number, as the trail knows it. */
    java.util.Optional<UUID> requestIdOf(String agencyId, String registrationNumber) {
        return jdbc.sql("select request_id from audit_entry where agency_id = :agency and registration_number = :number"
                        + " and request_id is not null order by global_index limit 1")
                .param("agency", agencyId)
                .param("number", registrationNumber)
                .query(UUID.class)
                .optional();
    }

    /**
     * What one user did, by recorded time (Beijing days {@code from} to {@code to}, both included),
     * in the order recorded, one page of it.
     *
     * @throws NotFound if the user acted only for other agencies
     */
    Page activity(String agencyId, String username, LocalDate from, LocalDate to, int page, int size) {
        Period period = new Period(from, to);
        long total = jdbc.sql("""
                        select count(*) from audit_entry
                        where agency_id = :agency and actor = :actor and recorded_at >= :from and recorded_at < :until""")
                .param("agency", agencyId)
                .param("actor", username)
                .param("from", period.start())
                .param("until", period.end())
                .query(Long.class)
                .single();
        if (total == 0 && actedOnlyElsewhere(agencyId, username)) {
            throw new NotFound("user " + username);
        }
        List<AuditStep> steps = jdbc.sql("select " + COLUMNS + """
                         from audit_entry e
                        where e.agency_id = :agency and e.actor = :actor and e.recorded_at >= :from
                          and e.recorded_at < :until
                        order by e.recorded_at, e.global_index
                        limit :limit offset :offset""")
                .param("agency", agencyId)
                .param("actor", username)
                .param("from", period.start())
                .param("until", period.end())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> step(rs))
                .list();
        return new Page(username, from, to, page, size, total, steps);
    }

    /**
     * The changes to the agency's tables of {@code year} made after the fact, in the order
     * recorded: outcome and category corrections counting in that year, whenever made; and, once
     * the year is closed, registrations and conclusions dated in it and carry-forwards out of it
     * that were recorded after the close and not by the close itself (a carry-forward of the close
     * shares the close's correlation id).
     */
    List<AuditChange> changes(String agencyId, int year) {
        return jdbc.sql("select " + COLUMNS + """
                        , e.change_kind,
                          exists (select 1 from audit_entry f
                                  where e.change_kind = 'CONCLUSION' and f.request_id = e.request_id
                                    and f.change_kind = 'CARRY_FORWARD' and f.counts_in_year = e.counts_in_year
                                    and f.global_index < e.global_index) as corrects_carry_forward
                        from audit_entry e
                        left join audit_entry c on c.agency_id = e.agency_id and c.change_kind = 'YEAR_CLOSE'
                                                and c.counts_in_year = e.counts_in_year
                        where e.agency_id = :agency and e.counts_in_year = :year
                          and (e.change_kind in ('OUTCOME_CORRECTION', 'CATEGORY_CORRECTION')
                               or (c.global_index is not null and e.global_index > c.global_index
                                   and (e.change_kind in ('REGISTRATION', 'CONCLUSION')
                                        or (e.change_kind = 'CARRY_FORWARD'
                                            and e.correlation_id is distinct from c.correlation_id))))
                        order by e.global_index""")
                .param("agency", agencyId)
                .param("year", year)
                .query((rs, row) -> {
                    ChangeKind kind = ChangeKind.valueOf(rs.getString("change_kind"));
                    boolean correctsCarryForward = rs.getBoolean("corrects_carry_forward");
                    String label = kind.label() + (correctsCarryForward ? "（更正已结转）" : "");
                    return new AuditChange(kind, label, correctsCarryForward, step(rs));
                })
                .list();
    }

    private boolean actedOnlyElsewhere(String agencyId, String username) {
        return jdbc.sql("""
                        select exists (select 1 from audit_entry where actor = :actor and agency_id <> :agency)
                           and not exists (select 1 from audit_entry where actor = :actor and agency_id = :agency)""")
                .param("actor", username)
                .param("agency", agencyId)
                .query(Boolean.class)
                .single();
    }

    private static AuditStep step(ResultSet rs) throws SQLException {
        String actor = rs.getString("actor");
        String roles = rs.getString("roles");
        OffsetDateTime recorded = rs.getObject("recorded_at", OffsetDateTime.class);
        return new AuditStep(
                rs.getLong("global_index"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("label"),
                rs.getObject("business_date", LocalDate.class),
                recorded.atZoneSameInstant(BusinessClock.ZONE).toOffsetDateTime(),
                actor,
                roles,
                rolesLabel(actor, roles),
                rs.getString("reason"),
                rs.getString("client_address"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                rs.getObject("request_id", UUID.class),
                rs.getString("registration_number"));
    }

    /** 经办人、审核人 for {@code HANDLER,REVIEWER}; 系统 for a system job. */
    private static String rolesLabel(String actor, String roles) {
        if (roles == null || roles.isBlank()) {
            return actor != null && actor.startsWith("system:") ? "系统" : "";
        }
        return Arrays.stream(roles.split(","))
                .map(String::trim)
                .map(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name))
                        .map(Role::label).findFirst().orElse(name))
                .collect(Collectors.joining("、"));
    }

    /** Beijing days {@code from} to {@code to}, both included, as the instants they start and end at. */
    private record Period(LocalDate from, LocalDate to) {

        OffsetDateTime start() {
            return from.atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        }

        OffsetDateTime end() {
            return to.plusDays(1).atStartOfDay(BusinessClock.ZONE).toOffsetDateTime();
        }
    }

    /** One page of a user's activity; {@code total} counts the whole period. */
    // named apart from the request list's Page in the API description
    @Schema(name = "AuditPage")
    record Page(String username, LocalDate from, LocalDate to, int page, int size, long total, List<AuditStep> steps) {
    }
}
