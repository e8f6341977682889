package cn.gongkai.ledger.integrity;

import java.time.Instant;

/**
 * What a verification of the chain found: intact or broken, how much it checked, the head it ended
 * at, and the first break, if any, in Chinese and English.
 *
 * @param ok             true when every link recomputes from the stored event and every stored event older
 *                       than the grace period is in the chain
 * @param status         {@code INTACT} or {@code BROKEN}
 * @param statusLabel    完整 or 已断裂
 * @param linksVerified  links that were checked and held, from position 1
 * @param eventsStored   rows in {@code domain_event_entry}
 * @param eventsPending  stored events not chained yet but within the grace period (not counted when a link broke)
 * @param head           the last link that held; null for an empty chain or when the first link is broken
 * @param firstBreak     null when {@code ok}
 * @param verifiedAt     the database's time when the verification started
 */
public record ChainReport(
        boolean ok,
        String status,
        String statusLabel,
        long linksVerified,
        long eventsStored,
        long eventsPending,
        ChainHead head,
        ChainBreak firstBreak,
        Instant verifiedAt) {

    public static ChainReport intact(long links, long stored, long pending, ChainHead head, Instant verifiedAt) {
        return new ChainReport(true, "INTACT", "完整", links, stored, pending, head, null, verifiedAt);
    }

    public static ChainReport broken(long links, long stored, long pending, ChainHead head, ChainBreak firstBreak,
                              Instant verifiedAt) {
        return new ChainReport(false, "BROKEN", "已断裂", links, stored, pending, head, firstBreak, verifiedAt);
    }
}
