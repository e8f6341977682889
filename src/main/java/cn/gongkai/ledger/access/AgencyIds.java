package cn.gongkai.ledger.access;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each agency's own space of ids for applications and disputes (ADR 0005): an id that names another
 * agency's object must answer exactly as an unused one, also when an agency <em>creates</em> an
 * object under it. The id a client sees ("client id") is mapped to the event stream it names here,
 * in one place:
 *
 * <ul>
 *   <li>an id that is unused, or names one of the agency's own objects, is the stream's id itself
 *       (so for every id a client ever received or chose, nothing changes);</li>
 *   <li>an id that another agency's object already uses is, for this agency, a stream of its own
 *       whose id is derived from (agency, id) and remembered in {@code agency_id_alias}.</li>
 * </ul>
 *
 * <p>Inputs are resolved at the web edge ({@code access.internal.AgencyIdTranslation} for path
 * variables, the creating endpoints for bodies) and JSON answers carry the client id back, so the
 * agency uses its id everywhere as if it had been free. Aliases only arise from collisions with
 * ids another agency uses, which random UUIDs never produce by chance: the table holds a handful of
 * rows at most.
 */
@Component
public class AgencyIds {

    private final JdbcClient jdbc;
    private final EventStore eventStore;

    AgencyIds(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** The stream an id the agency's client sends names: its alias, if it has one, else the id itself. */
    public UUID resolve(String agencyId, UUID clientId) {
        if (clientId == null) {
            return null;
        }
        return jdbc.sql("select stream_id from agency_id_alias where agency_id = ? and client_id = ?")
                .params(agencyId, clientId)
                .query(UUID.class)
                .optional()
                .orElse(clientId);
    }

    /**
     * The stream a new object of the agency is to be created under, for the id its client chose:
     * the resolved id, unless that stream belongs to another agency; then the agency's own derived
     * stream. Call {@link #remember} once the object is created there.
     */
    public UUID streamForNew(String agencyId, UUID clientId) {
        UUID resolved = resolve(agencyId, clientId);
        if (!resolved.equals(clientId)) {
            return resolved;
        }
        String owner = ownerOf(clientId);
        return owner == null || owner.equals(agencyId) ? clientId : derived(agencyId, clientId);
    }

    /**
     * Records that {@code streamId} is what the agency calls {@code clientId}; nothing when they are
     * the same. Idempotent: a retried creation records the same row.
     */
    public void remember(String agencyId, UUID clientId, UUID streamId) {
        if (clientId.equals(streamId)) {
            return;
        }
        jdbc.sql("""
                        insert into agency_id_alias (agency_id, client_id, stream_id) values (?, ?, ?)
                        on conflict do nothing""")
                .params(agencyId, clientId, streamId)
                .update();
    }

    /** The agency's aliases, stream id to client id: what answers must show instead of the stream ids. */
    public Map<UUID, UUID> clientIdsOf(String agencyId) {
        Map<UUID, UUID> byStream = new HashMap<>();
        jdbc.sql("select stream_id, client_id from agency_id_alias where agency_id = ?")
                .param(agencyId)
                .query((rs, row) -> byStream.put(rs.getObject("stream_id", UUID.class),
                        rs.getObject("client_id", UUID.class)))
                .list();
        return byStream;
    }

    /** The agency whose user created the stream (its first event's actor), or null if there is no such stream. */
    private String ownerOf(UUID streamId) {
        DomainEventStream events = eventStore.readEvents(streamId.toString());
        if (!events.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = events.next();
        return Objects.toString(first.getMetaData().get(ActorMetaData.AGENCY), "");
    }

    /** Deterministic, so that a retried creation lands on the same stream even before the alias is stored. */
    static UUID derived(String agencyId, UUID clientId) {
        return UUID.nameUUIDFromBytes(("agency-id-space\n" + agencyId + "\n" + clientId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
