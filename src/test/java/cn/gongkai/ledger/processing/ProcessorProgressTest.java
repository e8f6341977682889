package cn.gongkai.ledger.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

class ProcessorProgressTest {

    @Test
    void aPositionIsProcessedOnceTheTokenHasReachedItAndDoesNotListItAsAGap() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(7L));

        assertThat(ProcessorProgress.passed(token, 10)).isTrue();
        assertThat(ProcessorProgress.passed(token, 6)).isTrue();
        assertThat(ProcessorProgress.passed(token, 7)).as("a gap: an event not yet committed there").isFalse();
        assertThat(ProcessorProgress.passed(token, 11)).isFalse();
    }

    @Test
    void aReplayingProcessorHasProcessedWhatItsCurrentTokenHasReached() {
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(40));

        assertThat(ProcessorProgress.passed(replaying, 40)).isTrue();
        assertThat(ProcessorProgress.passed(replaying, 41)).as("rebuilt only up to 40 so far").isFalse();
        assertThat(ProcessorProgress.globalIndex(replaying)).isEqualTo(40);
    }

    @Test
    void aSegmentWithoutATokenHasProcessedNothing() {
        assertThat(ProcessorProgress.passed(null, 0)).isFalse();
    }

    @Test
    void aSegmentHasNothingToHandleWhenNoEventIsOfItsApplicationsAndOfATypeItHandles() {
        Segment[] segments = Segment.computeSegments(0, 1, 2, 3);
        String application = "6f1c2d3e-0000-4000-8000-000000000001";
        Segment owner = java.util.Arrays.stream(segments)
                .filter(segment -> segment.matches(application.hashCode())).findFirst().orElseThrow();
        Segment other = java.util.Arrays.stream(segments).filter(segment -> segment != owner).findFirst().orElseThrow();
        List<ProcessorProgress.StoredEvent> received = List.of(
                new ProcessorProgress.StoredEvent(application, Optional.of(String.class)));

        assertThat(ProcessorProgress.nothingToHandle(owner, received, type -> true))
                .as("the segment owning the application must handle its event").isFalse();
        assertThat(ProcessorProgress.nothingToHandle(other, received, type -> true))
                .as("another segment has nothing to do for it").isTrue();
        assertThat(ProcessorProgress.nothingToHandle(owner, received, type -> false))
                .as("a processor without a handler for the type has nothing to do").isTrue();
        assertThat(ProcessorProgress.nothingToHandle(owner,
                List.of(new ProcessorProgress.StoredEvent(application, Optional.empty())), type -> false))
                .as("a payload class this code does not know is one to handle").isFalse();
        assertThat(ProcessorProgress.nothingToHandle(other, List.of(), type -> true)).isTrue();
    }
}
