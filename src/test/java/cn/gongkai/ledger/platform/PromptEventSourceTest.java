package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ScheduledThreadPoolExecutor ticker = new ScheduledThreadPoolExecutor(1);
    private final PromptEventSource source = new PromptEventSource(store, ticker, Duration.ofMillis(10));

    PromptEventSourceTest() {
        ticker.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        source.close();
        store.shutDown();
    }

    @Test
    void anOpenStreamCallsTheProcessorBackAgainAndAgain() throws InterruptedException {
        CountDownLatch calls = new CountDownLatch(3);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {

            boolean supported = stream.setOnAvailableCallback(calls::countDown);

            assertThat(supported).isTrue();
            assertThat(calls.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aFailingCallIsNotTheLast() throws InterruptedException {
        // given a callback that fails every time
        CountDownLatch calls = new CountDownLatch(3);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {

            stream.setOnAvailableCallback(() -> {
                calls.countDown();
                throw new IllegalStateException("the processor is shutting down");
            });

            // then it is still called again
            assertThat(calls.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingTheStreamStopsItsCallsAndANewCallbackReplacesTheOld() {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(() -> { });
        stream.setOnAvailableCallback(() -> { });
        assertThat(ticker.getQueue()).hasSize(1);

        stream.close();

        assertThat(ticker.getQueue()).isEmpty();
    }

    @Test
    void theStreamIsTheStoresStream() throws InterruptedException {
        store.publish(new GenericDomainEventMessage<>("InformationRequest", "r-1", 0, "received"));

        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {

            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.peek()).hasValueSatisfying(event -> assertThat(event.getPayload()).isEqualTo("received"));
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("received");
            assertThat(stream.hasNextAvailable()).isFalse();
        }
        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
    }

    @Test
    void closingTheSourceStopsItsTicker() {
        source.close();

        assertThat(ticker.isShutdown()).isTrue();
    }
}
