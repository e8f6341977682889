package cn.gongkai.ledger.integrity;

/**
 * The first place where the chain and the event store disagree.
 *
 * @param kind           what broke
 * @param kindLabel      the kind in Chinese
 * @param position       the link's position; null for an event that is not in the chain
 * @param globalIndex    the event's global index
 * @param eventId        the event's identifier
 * @param aggregateId    the aggregate (application, dispute, reporting year…) the event belongs to; null if
 *                       the event row is gone
 * @param sequenceNumber the event's number within its aggregate; null if the event row is gone
 * @param messageZh      what was found, in Chinese
 * @param messageEn      the same in English
 */
public record ChainBreak(
        Kind kind,
        String kindLabel,
        Long position,
        Long globalIndex,
        String eventId,
        String aggregateId,
        Long sequenceNumber,
        String messageZh,
        String messageEn) {

    /** The ways the chain can break. */
    public enum Kind {
        /** The stored event no longer hashes to its link: payload, metadata or another column was changed. */
        HASH_MISMATCH("事件内容被改动"),
        /** The link's event is no longer in the store: deleted (or its global index changed). */
        EVENT_MISSING("事件被删除"),
        /** The link's previous hash is not the hash of the link before it: the chain itself was altered. */
        PREVIOUS_HASH_MISMATCH("链节前一哈希不符"),
        /** Positions jump: links were deleted. */
        LINK_MISSING("链节缺失"),
        /** A stored event older than the grace period is in no link: forged, or skipped by the processor. */
        UNCHAINED_EVENT("事件不在链中");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
