package cn.gongkai.ledger.requests.write.receive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One counter row per agency and year; the row lock serializes concurrent registrations of one agency. */
@Component
class JdbcRegistrationNumbers implements RegistrationNumbers {

    private final JdbcClient jdbc;

    JdbcRegistrationNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next(String agencyId, int year) {
        int number = jdbc.sql("""
                        insert into registration_counter (agency_id, year, last_number) values (:agency, :year, 1)
                        on conflict (agency_id, year) do update set last_number = registration_counter.last_number + 1
                        returning last_number""")
                .param("agency", agencyId)
                .param("year", year)
                .query(Integer.class)
                .single();
        return "%d-%04d".formatted(year, number);
    }
}
