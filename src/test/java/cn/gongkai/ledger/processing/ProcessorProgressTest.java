package cn.gongkai.ledger.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
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
}
