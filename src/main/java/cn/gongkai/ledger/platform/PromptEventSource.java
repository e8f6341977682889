package cn.gongkai.ledger.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the streaming processors read it, with a prompt look for new events.
 *
 * <p>Axon's pooled streaming processor looks at an idle stream again after 500 ms unless the
 * stream offers to call it back, and the embedded event store's streams do not: every change
 * waited 250 ms on average, up to 500 ms, before any processor even saw it (the publisher's
 * end-to-end lag, docs/benchmarks.md). The streams of this source take the callback and call it
 * every {@link #interval} while open. The processor then looks at the store's in-memory tail,
 * which the store keeps current itself (at once for events appended by this instance, by polling
 * the table for other instances'); nothing here reads the database or touches the stream.
 *
 * <p>Set as {@code source} of each streaming processor in {@code application.yaml}.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PromptEventSource.class);

    private final EventStore store;
    private final ScheduledExecutorService ticker;
    private final Duration interval;

    /** A source with its own ticker thread, stopped by {@link #close()}. */
    public PromptEventSource(EventStore store, Duration interval) {
        this(store, ticker(), interval);
    }

    PromptEventSource(EventStore store, ScheduledExecutorService ticker, Duration interval) {
        this.store = store;
        this.ticker = ticker;
        this.interval = interval;
    }

    private static ScheduledExecutorService ticker() {
        ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("event-source-ticker").daemon().factory());
        ticker.setRemoveOnCancelPolicy(true);
        return ticker;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** The store's stream, and a ticker calling the processor's callback while it is open. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private final AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();

        private PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        /**
         * Calls {@code callback} every interval until the stream closes. A failing call is logged and
         * the ticks go on: an executor stops a periodic task for good at its first exception, and the
         * processor would then look only every 5 s, its delay for a stream that calls back.
         */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            long every = interval.toNanos();
            Runnable tick = () -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    log.debug("A processor's look for new events failed; the next tick tries again", e);
                }
            };
            ScheduledFuture<?> previous = ticking.getAndSet(
                    ticker.scheduleWithFixedDelay(tick, every, every, TimeUnit.NANOSECONDS));
            if (previous != null) {
                previous.cancel(false);
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            ScheduledFuture<?> ticks = ticking.getAndSet(null);
            if (ticks != null) {
                ticks.cancel(false);
            }
            events.close();
        }
    }
}
