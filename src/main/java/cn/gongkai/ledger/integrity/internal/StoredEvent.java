package cn.gongkai.ledger.integrity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domain_event_entry} exactly as stored: the bytes the chain's hash covers, never
 * deserialized. {@code type} and {@code payloadRevision} and {@code metaData} may be null.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /** The columns {@link #read(ResultSet)} expects, qualified by {@code alias}. */
    static String columns(String alias) {
        return String.join(", ", java.util.stream.Stream.of("global_index", "event_identifier",
                        "aggregate_identifier", "sequence_number", "type", "payload_type", "payload_revision",
                        "time_stamp", "payload", "meta_data")
                .map(column -> alias + "." + column).toList());
    }

    /** Reads the columns of {@link #columns(String)}; null if the row is absent (a left join found none). */
    static StoredEvent read(ResultSet row) throws SQLException {
        long globalIndex = row.getLong("global_index");
        if (row.wasNull()) {
            return null;
        }
        return new StoredEvent(globalIndex, row.getString("event_identifier"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("type"), row.getString("payload_type"),
                row.getString("payload_revision"), row.getString("time_stamp"), row.getBytes("payload"),
                row.getBytes("meta_data"));
    }
}
