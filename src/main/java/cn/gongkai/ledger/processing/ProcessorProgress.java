package cn.gongkai.ledger.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far streaming processors have got, read from their committed tokens in {@code token_entry}
 * without claiming them, so it works whichever instance owns the segments. A processor has
 * processed the event at global index {@code i} once each of its segments has either passed {@code i}
 * (its token beyond it and not listing it as a gap: the read model then shows the event, since the
 * token is committed in the same transaction as the batch's changes) or has nothing to handle up to
 * {@code i}: none of the events stored between its token and {@code i} is of a type the processor
 * handles and of an application the segment owns. A segment only stores its token when it handled
 * something or when it extends its claim (every 5 s), so without the second rule a read after a
 * command would wait up to 5 s for the segments that do not own the command's application (and for
 * processors that do not handle its events) to say so.
 */
@Component
public class ProcessorProgress {

    /** Beyond this many events between a token and the position asked for, the segment is simply behind. */
    static final int MOST_EVENTS_LOOKED_AT = 2_000;

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Map<String, Optional<Class<?>>> payloadClasses = new ConcurrentHashMap<>();

    ProcessorProgress(JdbcClient jdbc, TokenStore tokenStore, ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = jdbc;
        if (!(tokenStore instanceof JdbcTokenStore jdbcTokenStore)) {
            throw new IllegalStateException("the processors' progress is read from a JdbcTokenStore, not from "
                    + tokenStore.getClass().getName());
        }
        this.serializer = jdbcTokenStore.serializer();
        this.processing = processing;
    }

    /** Whether {@code processor} has processed the event at global index {@code globalIndex}. */
    public boolean hasProcessed(String processor, long globalIndex) {
        return behind(List.of(processor), globalIndex).isEmpty();
    }

    /**
     * Those of {@code processors} that have not yet processed the event at {@code globalIndex}
     * (one query for their tokens); a processor with no token yet has processed nothing.
     */
    public List<String> behind(Collection<String> processors, long globalIndex) {
        Map<String, List<SegmentToken>> segments = new HashMap<>();
        jdbc.sql("select processor_name, segment, token, token_type from token_entry where processor_name in (:names)")
                .param("names", List.copyOf(processors))
                .query(rs -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("token_type");
                    TrackingToken tracking = token == null || type == null ? null : (TrackingToken) serializer
                            .deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    segments.computeIfAbsent(rs.getString("processor_name"), name -> new ArrayList<>())
                            .add(new SegmentToken(rs.getInt("segment"), tracking));
                });
        return processors.stream()
                .filter(processor -> !processed(processor, segments.getOrDefault(processor, List.of()), globalIndex))
                .toList();
    }

    private boolean processed(String processor, List<SegmentToken> segments, long globalIndex) {
        if (segments.isEmpty()) {
            return false;
        }
        List<SegmentToken> notPassed = segments.stream().filter(segment -> !passed(segment.token(), globalIndex)).toList();
        if (notPassed.isEmpty()) {
            return true;
        }
        Optional<Predicate<Class<?>>> handles = handledTypes(processor);
        if (handles.isEmpty()) {
            return false;
        }
        int[] ids = segments.stream().mapToInt(SegmentToken::segment).toArray();
        return notPassed.stream().allMatch(segment -> storedAfter(segment.token(), globalIndex)
                .map(events -> nothingToHandle(Segment.computeSegment(segment.segment(), ids), events, handles.get()))
                .orElse(false));
    }

    /**
     * Which payload types the processor handles, when this instance runs it and it sequences by
     * application (Axon's default, the aggregate's identifier, which decides a segment's share);
     * empty otherwise: then only a token that passed the position counts.
     */
    private Optional<Predicate<Class<?>>> handledTypes(String processor) {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return Optional.empty();
        }
        Optional<EventProcessor> local = configuration.eventProcessor(processor);
        if (local.isEmpty() || !(local.get() instanceof AbstractEventProcessor running)
                || !(configuration.sequencingPolicy(processor) instanceof SequentialPerAggregatePolicy)) {
            return Optional.empty();
        }
        EventHandlerInvoker invoker = running.eventHandlerInvoker();
        return Optional.of(invoker::canHandleType);
    }

    /**
     * The events stored after the token up to {@code globalIndex} (its gaps up to there included),
     * with the class of their payload; empty when there are too many to look at or no token.
     */
    private Optional<List<StoredEvent>> storedAfter(TrackingToken token, long globalIndex) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        long index;
        List<Long> gaps = List.of();
        switch (current) {
            case null -> {
                return Optional.empty();
            }
            case GapAwareTrackingToken gapAware -> {
                index = gapAware.getIndex();
                gaps = gapAware.getGaps().stream().filter(gap -> gap <= globalIndex).toList();
            }
            case GlobalSequenceTrackingToken global -> index = global.getGlobalIndex();
            default -> {
                return Optional.empty();
            }
        }
        if (gaps.size() > MOST_EVENTS_LOOKED_AT || globalIndex - index > 10L * MOST_EVENTS_LOOKED_AT) {
            return Optional.empty();
        }
        JdbcClient.StatementSpec query = jdbc.sql("select aggregate_identifier, payload_type from domain_event_entry"
                        + " where global_index <= :position and (global_index > :index"
                        + (gaps.isEmpty() ? ")" : " or global_index in (:gaps))") + " limit :limit")
                .param("position", globalIndex)
                .param("index", index)
                .param("limit", MOST_EVENTS_LOOKED_AT + 1);
        if (!gaps.isEmpty()) {
            query = query.param("gaps", gaps);
        }
        List<StoredEvent> events = query
                .query((rs, row) -> new StoredEvent(rs.getString(1), payloadClass(rs.getString(2))))
                .list();
        return events.size() > MOST_EVENTS_LOOKED_AT ? Optional.empty() : Optional.of(events);
    }

    private Optional<Class<?>> payloadClass(String payloadType) {
        return payloadClasses.computeIfAbsent(payloadType, type -> {
            try {
                return Optional.of(Class.forName(type, false, ProcessorProgress.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether none of {@code events} is one the segment would hand to the processor: of a payload type
     * it handles, of an application the segment owns. An event of an unknown payload class counts as
     * one to handle.
     */
    static boolean nothingToHandle(Segment segment, List<StoredEvent> events, Predicate<Class<?>> handles) {
        return events.stream().noneMatch(event -> event.payload().map(handles::test).orElse(true)
                && segment.matches(Objects.hashCode(event.aggregateIdentifier())));
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

    private record SegmentToken(int segment, TrackingToken token) {
    }

    /** An event as stored: its application (aggregate) and the class of its payload, if this code has it. */
    record StoredEvent(String aggregateIdentifier, Optional<Class<?>> payload) {
    }
}
