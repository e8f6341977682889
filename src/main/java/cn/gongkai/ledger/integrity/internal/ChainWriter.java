package cn.gongkai.ledger.integrity.internal;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a link to the chain for every event of the store, in the order the {@value #PROCESSING_GROUP}
 * processor sees them (one segment: global order, a late-committing event when it shows up). Why a
 * processor and not the command's transaction: docs/adr/0008.
 *
 * <p>The handler only notes each event's id; before the batch commits, together with the
 * processor's token, the rows are read back from {@code domain_event_entry} as stored (the hash
 * covers the stored bytes, not what Axon made of them) and their links written in one go. A failure
 * rolls back links and token together, and the processor, which propagates errors, retries the
 * batch: no event is ever skipped by a failure. An event already chained (after a token reset) is
 * left alone, so a replay cannot fork the chain.
 */
@Component
@ProcessingGroup(ChainWriter.PROCESSING_GROUP)
class ChainWriter {

    static final String PROCESSING_GROUP = "integrity-chain";

    private static final String BATCH = ChainWriter.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    ChainWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event, whatever its type: the payload is never deserialized. */
    @EventHandler
    void on(EventMessage<?> event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<String> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            List<String> ids = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> chain(ids));
            return ids;
        });
        batch.add(event.getIdentifier());
    }

    private void chain(List<String> eventIds) {
        Map<String, StoredEvent> stored = read(eventIds);
        Link head = jdbc.query("select position, hash from integrity_chain order by position desc limit 1",
                        (row, n) -> new Link(row.getLong("position"), row.getBytes("hash")))
                .stream().findFirst().orElse(new Link(0, ChainHash.genesis()));
        List<Object[]> links = new ArrayList<>();
        for (String eventId : eventIds) {
            StoredEvent event = stored.get(eventId);
            if (event == null) {
                continue; // chained before: a replay after a token reset
            }
            byte[] hash = ChainHash.of(head.hash(), event);
            links.add(new Object[] {head.position() + 1, event.globalIndex(), event.eventIdentifier(), head.hash(),
                    hash});
            head = new Link(head.position() + 1, hash);
        }
        if (!links.isEmpty()) {
            // the database's clock: one clock for every instance, the same that verification compares with
            jdbc.batchUpdate("insert into integrity_chain (position, global_index, event_identifier, previous_hash,"
                    + " hash, chained_at) values (?, ?, ?, ?, ?, clock_timestamp())", links);
        }
    }

    /** The batch's rows that are not chained yet, by event id; throws if an event has no row. */
    private Map<String, StoredEvent> read(List<String> eventIds) {
        Map<String, StoredEvent> stored = new HashMap<>();
        Map<String, Boolean> chained = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select " + StoredEvent.columns("e")
                    + ", c.position is not null as chained from domain_event_entry e"
                    + " left join integrity_chain c on c.global_index = e.global_index"
                    + " where e.event_identifier = any (?)");
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, row -> {
            StoredEvent event = StoredEvent.read(row);
            chained.put(event.eventIdentifier(), row.getBoolean("chained"));
            if (!row.getBoolean("chained")) {
                stored.put(event.eventIdentifier(), event);
            }
        });
        List<String> absent = eventIds.stream().filter(id -> !chained.containsKey(id)).toList();
        if (!absent.isEmpty()) {
            throw new IllegalStateException("events seen by the processor have no row in domain_event_entry: "
                    + Arrays.toString(absent.toArray()));
        }
        return stored;
    }

    private record Link(long position, byte[] hash) {
    }
}
