package cn.gongkai.ledger.integrity;

import java.time.Instant;

/**
 * A link of the chain, as published in checkpoints: the head a party outside the database can hold
 * the chain to.
 *
 * @param hash SHA-256 of the link, 64 lowercase hex digits
 */
public record ChainHead(long position, long globalIndex, String eventId, String hash, Instant chainedAt) {
}
