package cn.gongkai.ledger.report;

import cn.gongkai.ledger.requests.OpenDeadlines;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queries over what {@link ReportFactsProjection} keeps, for part 六 and the gate's warnings. */
@Component
class ReportFacts {

    private final JdbcClient jdbc;
    private final OpenDeadlines openDeadlines;

    ReportFacts(JdbcClient jdbc, OpenDeadlines openDeadlines) {
        this.jdbc = jdbc;
        this.openDeadlines = openDeadlines;
    }

    /** 信息处理费 actually paid in the year (by the date paid), in 分. */
    long feesCollectedFen(String agencyId, int year) {
        return jdbc.sql("""
                        select coalesce(sum(n.paid_fen), 0) from report_fee_notice n
                        join report_request_fact r on r.request_id = n.request_id
                        where r.agency_id = :agency and n.paid_on between :start and :end""")
                .param("agency", agencyId)
                .param("start", LocalDate.of(year, 1, 1))
                .param("end", LocalDate.of(year, 12, 31))
                .query(Long.class)
                .single();
    }

    /** Registration numbers of applications whose latest draft of the year's end was still awaiting approval then. */
    List<String> draftsAwaitingApprovalAtYearEnd(String agencyId, int year) {
        return jdbc.sql("""
                        select distinct r.registration_number from report_answer_draft d
                        join report_request_fact r on r.request_id = d.request_id
                        where r.agency_id = :agency and d.drafted_on <= :end
                          and (d.decided_on is null or d.decided_on > :end)
                          and (r.concluded_on is null or r.concluded_on > :end)
                        order by 1""")
                .param("agency", agencyId)
                .param("end", LocalDate.of(year, 12, 31))
                .query(String.class)
                .list();
    }

    /** Registration numbers of applications with a fee notice issued by the year's end, neither paid nor waived. */
    List<String> unsettledFeeNotices(String agencyId, int year) {
        return jdbc.sql("""
                        select r.registration_number from report_fee_notice n
                        join report_request_fact r on r.request_id = n.request_id
                        where r.agency_id = :agency and n.issued_on <= :end and n.paid_on is null and n.waived_on is null
                        order by 1""")
                .param("agency", agencyId)
                .param("end", LocalDate.of(year, 12, 31))
                .query(String.class)
                .list();
    }

    /**
     * Registration numbers of applications still open whose answer was due by the year's end and whose
     * deadline was never extended.
     */
    List<String> overdueWithoutExtension(String agencyId, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        List<OpenDeadlines.OpenDeadline> due = openDeadlines.dueOnOrBefore(end.minusDays(1), Optional.of(agencyId));
        if (due.isEmpty()) {
            return List.of();
        }
        Set<UUID> extended = jdbc.sql("""
                        select request_id from report_request_fact
                        where agency_id = :agency and extended and request_id in (:ids)""")
                .param("agency", agencyId)
                .param("ids", due.stream().map(OpenDeadlines.OpenDeadline::requestId).toList())
                .query(UUID.class)
                .set();
        return due.stream()
                .filter(d -> !extended.contains(d.requestId()))
                .map(OpenDeadlines.OpenDeadline::registrationNumber)
                .sorted()
                .collect(Collectors.toList());
    }
}
