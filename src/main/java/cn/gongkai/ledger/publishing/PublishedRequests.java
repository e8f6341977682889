package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.requests.events.RequestReceived;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The applications the publisher has seen registered, with their agency and registration number
 * ({@code publishing_request}). The publisher keeps this itself, in its own transaction, rather
 * than reading {@code request_summary}: that read model is fed by another processor and may lag.
 *
 * <p>A registration never changes once made, so the most recent ones are also kept in memory: the
 * lookup per event was most of the publisher's waiting on catch-up (see docs/benchmarks.md). A
 * copy cached by a batch that then rolls back is still right: the retried batch registers the
 * same values.
 */
@Component
class PublishedRequests {

    private static final int REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final Map<UUID, RegisteredRequest> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, RegisteredRequest> eldest) {
                    return size() > REMEMBERED;
                }
            });

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
        RegisteredRequest request = new RegisteredRequest(received.requestId(), received.agencyId(),
                received.registrationNumber());
        recent.put(request.requestId(), request);
        return request;
    }

    Optional<RegisteredRequest> find(UUID requestId) {
        RegisteredRequest known = recent.get(requestId);
        if (known != null) {
            return Optional.of(known);
        }
        return jdbc.sql("select agency_id, registration_number from publishing_request where request_id = :id")
                .param("id", requestId)
                .query((rs, row) -> new RegisteredRequest(requestId, rs.getString(1), rs.getString(2)))
                .optional();
    }
}
