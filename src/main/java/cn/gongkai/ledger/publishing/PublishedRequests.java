package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.requests.events.RequestReceived;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applications the publisher has seen registered, with their agency and registration number
 * ({@code publishing_request}). The publisher keeps this itself, in its own transaction, rather
 * than reading {@code request_summary}: that read model is fed by another processor and may lag.
 */
@Component
class PublishedRequests {

    private final JdbcClient jdbc;

    PublishedRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the registration; a redelivered event finds it already there. */
    RegisteredRequest register(RequestReceived received) {
        jdbc.sql("""
                        insert into publishing_request (request_id, agency_id, registration_number)
                        values (:id, :agency, :number) on conflict (request_id) do nothing""")
                .param("id", received.requestId())
                .param("agency", received.agencyId())
                .param("number", received.registrationNumber())
                .update();
        return new RegisteredRequest(received.requestId(), received.agencyId(), received.registrationNumber());
    }

    Optional<RegisteredRequest> find(UUID requestId) {
        return jdbc.sql("select agency_id, registration_number from publishing_request where request_id = :id")
                .param("id", requestId)
                .query((rs, row) -> new RegisteredRequest(requestId, rs.getString(1), rs.getString(2)))
                .optional();
    }
}
