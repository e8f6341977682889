package cn.gongkai.ledger.integrity.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one link, over a canonical encoding that an outside party can recompute with a short
 * script (README, "Tamper evidence"):
 *
 * <pre>
 * hash = SHA-256( f("gongkai-ledger/chain/v1") || f(previous_hash) || f(global_index) || f(event_identifier)
 *               || f(aggregate_identifier) || f(sequence_number) || f(type) || f(payload_type)
 *               || f(payload_revision) || f(time_stamp) || f(payload) || f(meta_data) )
 * f(x)  = length of x in bytes as a 4-byte big-endian unsigned integer, then the bytes of x;
 *         for SQL NULL the four bytes FF FF FF FF and nothing else
 * </pre>
 *
 * Text columns are their UTF-8 bytes, the two numbers their decimal digits in ASCII, {@code payload}
 * and {@code meta_data} the stored {@code bytea} as they are, {@code previous_hash} the 32 raw bytes
 * (32 zero bytes for the first link). The length prefixes make the encoding unambiguous: no two
 * different rows encode to the same bytes. The leading tag names the format, so that a later format
 * cannot be mistaken for this one.
 */
public final class ChainHash {

    /** The format's tag, the first field of every encoding. */
    public static final String FORMAT = "gongkai-ledger/chain/v1";

    /** The previous hash of the first link. */
    private static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** 32 zero bytes: what the first link's previous hash is. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** The hash of the link that chains {@code event} after a link whose hash is {@code previousHash}. */
    public static byte[] of(byte[] previousHash, StoredEvent event) {
        if (previousHash.length != 32) {
            throw new IllegalArgumentException("a previous hash has 32 bytes, not " + previousHash.length);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(encode(previousHash, event));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bytes that are hashed: every field length-prefixed, in the documented order. */
    static byte[] encode(byte[] previousHash, StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payload().length
                + (event.metaData() == null ? 0 : event.metaData().length));
        field(out, utf8(FORMAT));
        field(out, previousHash);
        field(out, ascii(event.globalIndex()));
        field(out, utf8(event.eventIdentifier()));
        field(out, utf8(event.aggregateIdentifier()));
        field(out, ascii(event.sequenceNumber()));
        field(out, utf8(event.type()));
        field(out, utf8(event.payloadType()));
        field(out, utf8(event.payloadRevision()));
        field(out, utf8(event.timeStamp()));
        field(out, event.payload());
        field(out, event.metaData());
        return out.toByteArray();
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
