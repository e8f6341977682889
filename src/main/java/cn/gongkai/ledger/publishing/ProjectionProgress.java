package cn.gongkai.ledger.publishing;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far another streaming processor has got, read from its committed tokens in
 * {@code token_entry} without claiming them (so it works whichever node owns the segments). A
 * processor has processed the event at global index {@code i} once every one of its segments'
 * tokens has passed {@code i} and does not list it as a gap: its read model then shows the event,
 * since the token is committed in the same transaction as the batch's changes.
 */
@Component
class ProjectionProgress {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProjectionProgress(JdbcClient jdbc, TokenStore tokenStore) {
        this.jdbc = jdbc;
        if (!(tokenStore instanceof JdbcTokenStore jdbcTokenStore)) {
            throw new IllegalStateException("the annual-tables publisher reads the projections' progress from a"
                    + " JdbcTokenStore, not from " + tokenStore.getClass().getName());
        }
        this.serializer = jdbcTokenStore.serializer();
    }

    /** Whether {@code processor} has processed the event at global index {@code globalIndex}. */
    boolean hasProcessed(String processor, long globalIndex) {
        List<TrackingToken> tokens = jdbc.sql("select token, token_type from token_entry where processor_name = :name")
                .param("name", processor)
                .query((rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    return token == null || type == null ? null : (TrackingToken) serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null));
                })
                .list();
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> passed(token, globalIndex));
    }

    static boolean passed(TrackingToken token, long globalIndex) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return switch (current) {
            case null -> false;
            case GapAwareTrackingToken gapAware -> gapAware.getIndex() >= globalIndex
                    && !gapAware.getGaps().contains(globalIndex);
            case GlobalSequenceTrackingToken global -> global.getGlobalIndex() >= globalIndex;
            default -> current.position().orElse(Long.MIN_VALUE) >= globalIndex;
        };
    }

    /** The global index of an event's token, as a streaming processor hands it to a handler. */
    static long globalIndex(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        if (current instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return current.position().orElseThrow(() -> new IllegalStateException("no position in " + token));
    }
}
