package cn.gongkai.ledger.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The hash encoding against fixed vectors. The expected hashes were computed outside Java, with
 * the Python formula of the README ({@code hashlib.sha256} over the length-prefixed fields), so this
 * test pins the documented formula, not merely whatever the code does today.
 */
class ChainHashTest {

    private static final StoredEvent EVENT = new StoredEvent(7, "9f1c2a9e-0000-4000-8000-000000000007",
            "3b0e8c2e-0000-4000-8000-0000000000aa", 2, "InformationRequest",
            "cn.gongkai.ledger.requests.events.DeadlineExtended", "1", "2026-03-16T02:15:07.123Z",
            "{\"requestId\":\"3b0e8c2e-0000-4000-8000-0000000000aa\",\"workingDays\":10,\"reason\":\"需调取档案\"}"
                    .getBytes(StandardCharsets.UTF_8),
            null);

    @Test
    void theFirstLinkHashesTheEventAfterThirtyTwoZeroBytes() {
        byte[] hash = ChainHash.of(ChainHash.genesis(), EVENT);

        assertThat(ChainHash.hex(hash)).isEqualTo("f826c02e3e40e4d2ec9e5e867bed0d19fbc0734155522a4445b4ddcb27e59329");
    }

    @Test
    void aLaterLinkCoversThePreviousHashAndTellsNullFromEmpty() {
        byte[] first = HexFormat.of().parseHex("f826c02e3e40e4d2ec9e5e867bed0d19fbc0734155522a4445b4ddcb27e59329");
        StoredEvent second = new StoredEvent(8, EVENT.eventIdentifier(), EVENT.aggregateIdentifier(), 2, null,
                EVENT.payloadType(), null, EVENT.timeStamp(), EVENT.payload(), "{}".getBytes(StandardCharsets.UTF_8));

        byte[] hash = ChainHash.of(first, second);

        assertThat(ChainHash.hex(hash)).isEqualTo("5bc27d11a8cbf3892e6b82989fc7cf5e457268da4398cf91e277bec404d30821");
    }

    @Test
    void oneByteOfPayloadChangesTheHash() {
        byte[] payload = EVENT.payload().clone();
        payload[10] = ' ';
        StoredEvent tampered = new StoredEvent(EVENT.globalIndex(), EVENT.eventIdentifier(),
                EVENT.aggregateIdentifier(), EVENT.sequenceNumber(), EVENT.type(), EVENT.payloadType(),
                EVENT.payloadRevision(), EVENT.timeStamp(), payload, EVENT.metaData());

        assertThat(ChainHash.of(ChainHash.genesis(), tampered)).isNotEqualTo(ChainHash.of(ChainHash.genesis(), EVENT));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        // given: the same bytes split differently between payload type and revision
        StoredEvent one = new StoredEvent(1, "e", "a", 0, null, "ab", "c", "t", new byte[0], null);
        StoredEvent other = new StoredEvent(1, "e", "a", 0, null, "a", "bc", "t", new byte[0], null);

        assertThat(ChainHash.of(ChainHash.genesis(), one)).isNotEqualTo(ChainHash.of(ChainHash.genesis(), other));
    }
}
