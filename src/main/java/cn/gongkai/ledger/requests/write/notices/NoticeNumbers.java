package cn.gongkai.ledger.requests.write.notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 文号 series: one per agency and year, drawn with an upsert ... returning inside the transaction
 * that stores the letter's files and appends {@code NoticeIssued} (as registration numbers are, ADR 0002).
 * The row lock serializes the agency's letters until that transaction ends; a letter refused or rolled
 * back for any reason rolls its number back with it, so the series has neither gaps nor repeats.
 */
@Component
class NoticeNumbers {

    private final JdbcClient jdbc;

    NoticeNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the agency's series for {@code year}, 1 for the year's first letter. */
    int next(String agencyId, int year) {
        return jdbc.sql("""
                        insert into notice_counter (agency_id, year, last_number) values (:agency, :year, 1)
                        on conflict (agency_id, year) do update set last_number = notice_counter.last_number + 1
                        returning last_number""")
                .param("agency", agencyId)
                .param("year", year)
                .query(Integer.class)
                .single();
    }
}
