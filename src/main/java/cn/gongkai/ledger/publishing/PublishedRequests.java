package cn.gongkai.ledger.publishing;

import cn.gongkai.ledger.platform.ProjectionText;
import cn.gongkai.ledger.requests.events.RequestReceived;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String PENDING = PublishedRequests.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Map<UUID, RegisteredRequest> recent = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, RegisteredRequest> eldest) {
                    return size() > REMEMBERED;
                }
            });

    PublishedRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the registration; a redelivered event finds it already there. Within a batch the rows
     * are written together, just before the batch commits (one round trip instead of one per
     * application: on catch-up a quarter of the events are registrations); the later events of the
     * batch find the registration in memory meanwhile.
     */
    RegisteredRequest register(RequestReceived received) {
        RegisteredRequest request = new RegisteredRequest(received.requestId(), received.agencyId(),
                received.registrationNumber());
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.getOrComputeResource(PENDING, key -> {
                List<RegisteredRequest> pending = new ArrayList<>();
                batch.onPrepareCommit(unitOfWork -> insert(pending));
                return pending;
            }).add(request);
        } else {
            insert(List.of(request));
        }
        recent.put(request.requestId(), request);
        return request;
    }

    private void insert(List<RegisteredRequest> requests) {
        jdbc.batchUpdate("""
                        insert into publishing_request (request_id, agency_id, registration_number)
                        values (?, ?, ?) on conflict (request_id) do nothing""",
                requests, requests.size(), (statement, request) -> {
                    statement.setObject(1, request.requestId());
                    statement.setString(2, ProjectionText.of(request.agencyId()));
                    statement.setString(3, ProjectionText.of(request.registrationNumber()));
                });
    }

    Optional<RegisteredRequest> find(UUID requestId) {
        RegisteredRequest known = recent.get(requestId);
        if (known != null) {
            return Optional.of(known);
        }
        return jdbc.query("select agency_id, registration_number from publishing_request where request_id = ?",
                        (rs, row) -> new RegisteredRequest(requestId, rs.getString(1), rs.getString(2)), requestId)
                .stream().findFirst();
    }
}
