package cn.gongkai.ledger.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.PublishedDifference.Change;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which changes of one cell publication-diff lists: the net change, without pairs that cancel out. */
class PublicationChangesTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final Instant T = Instant.parse("2026-03-01T02:00:00Z");

    private static Change change(UUID id, String type, int second, long effect) {
        return new Change("application", id, "2021-000" + (id.equals(A) ? 1 : 2), type, T.plusSeconds(second),
                "handler-kaifaqu", "2021:RECEIVED/TOTAL", effect);
    }

    @Test
    void aReceiptAndAConclusionOfTheSameApplicationCancelOutInACarriedForwardCell() {
        Change received = change(A, "RequestReceived", 1, 1);
        Change concluded = change(A, "RequestAnswered", 2, -1);
        Change otherConcluded = change(B, "RequestAnswered", 3, -1);

        assertThat(Publications.collapsed(List.of(received, concluded, otherConcluded)))
                .containsExactly(otherConcluded);
    }

    @Test
    void changesOfDifferentApplicationsNeverCancelEachOther() {
        Change inA = change(A, "RequestReceived", 1, 1);
        Change outB = change(B, "RequestAnswered", 2, -1);

        assertThat(Publications.collapsed(List.of(inA, outB))).containsExactly(inA, outB);
    }

    @Test
    void whatIsLeftAfterAnUndoneMoveIsTheLastNetChangeInOrder() {
        Change in = change(A, "DisputeCorrected", 1, 1);
        Change out = change(A, "DisputeCorrected", 2, -1);
        Change inAgain = change(A, "DisputeCorrected", 3, 1);

        assertThat(Publications.collapsed(List.of(in, out, inAgain))).containsExactly(inAgain);
    }
}
