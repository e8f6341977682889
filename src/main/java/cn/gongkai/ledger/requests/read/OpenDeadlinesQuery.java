package cn.gongkai.ledger.requests.read;

import cn.gongkai.ledger.requests.OpenDeadlines;
import cn.gongkai.ledger.requests.RequestStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OpenDeadlines} from {@code request_summary}, the list read model (index {@code request_summary_open_due}). */
@Component
class OpenDeadlinesQuery implements OpenDeadlines {

    private final JdbcClient jdbc;

    OpenDeadlinesQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OpenDeadline> dueOnOrBefore(LocalDate upTo, Optional<String> agencyId) {
        return jdbc.sql("""
                        select request_id, agency_id, registration_number, status, due_on, due_provisional
                        from request_summary
                        where status not in ('CONCLUDED', 'ARCHIVED') and due_on is not null and due_on <= :upTo
                          and (cast(:agency as text) is null or agency_id = :agency)
                        order by due_on, agency_id, registration_number""")
                .param("upTo", upTo)
                .param("agency", agencyId.orElse(null))
                .query((rs, row) -> new OpenDeadline(rs.getObject("request_id", UUID.class), rs.getString("agency_id"),
                        rs.getString("registration_number"), RequestStatus.valueOf(rs.getString("status")),
                        rs.getObject("due_on", LocalDate.class), rs.getBoolean("due_provisional")))
                .list();
    }
}
