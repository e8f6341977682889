package cn.gongkai.ledger.processing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * How far streaming processors have got, read from their committed tokens in {@code token_entry}
 * without claiming them, so it works whichever instance owns the segments. A processor has
 * processed the event at global index {@code i} once every one of its segments' tokens has passed
 * {@code i} and does not list it as a gap: its read model then shows the event, since the token is
 * committed in the same transaction as the batch's changes.
 */
@Component
public class ProcessorProgress {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    ProcessorProgress(JdbcClient jdbc, TokenStore tokenStore) {
        this.jdbc = jdbc;
        if (!(tokenStore instanceof JdbcTokenStore jdbcTokenStore)) {
            throw new IllegalStateException("the processors' progress is read from a JdbcTokenStore, not from "
                    + tokenStore.getClass().getName());
        }
        this.serializer = jdbcTokenStore.serializer();
    }

    /** Whether {@code processor} has processed the event at global index {@code globalIndex}. */
    public boolean hasProcessed(String processor, long globalIndex) {
        return behind(List.of(processor), globalIndex).isEmpty();
    }

    /**
     * Those of {@code processors} that have not yet processed the event at {@code globalIndex}
     * (one query for all of them); a processor with no token yet has processed nothing.
     */
    public List<String> behind(Collection<String> processors, long globalIndex) {
        Map<String, Boolean> passed = new HashMap<>();
        jdbc.sql("select processor_name, token, token_type from token_entry where processor_name in (:names)")
                .param("names", List.copyOf(processors))
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    TrackingToken tracking = token == null || type == null ? null : (TrackingToken) serializer
                            .deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    passed.merge(rs.getString("processor_name"), passed(tracking, globalIndex), Boolean::logicalAnd);
                });
        return processors.stream().filter(processor -> !passed.getOrDefault(processor, false)).toList();
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
    public static long globalIndex(TrackingToken token) {
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
