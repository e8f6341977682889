package cn.gongkai.ledger.integrity.internal;

import cn.gongkai.ledger.integrity.ChainBreak;
import cn.gongkai.ledger.integrity.ChainBreak.Kind;
import cn.gongkai.ledger.integrity.ChainHead;
import cn.gongkai.ledger.integrity.ChainReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Walks the chain in position order, a page at a time, recomputing every link's hash from the
 * event row as it is stored now, and stops at the first break; then looks for stored events that
 * are in no link. Plain JDBC on one connection, so that the service and the {@code verify-chain}
 * command run the same code.
 *
 * <p>The walk runs in one read-only repeatable-read transaction: links and events are seen as of
 * one instant, so an event committed during the walk is neither missing nor unchained.
 *
 * <p>An unchained event is a break when the processor has left it behind for longer than the grace
 * period: a link chained before {@code now - grace} has a higher global index (Axon's gap handling
 * gave up on it, or it was inserted into the past), or its own recorded time is older than that (or
 * unreadable). Otherwise it is pending: the processor has not reached it yet.
 */
public final class ChainWalk {

    private final Duration grace;
    private final int pageSize;

    public ChainWalk(Duration grace, int pageSize) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period cannot be negative: " + grace);
        }
        this.grace = grace;
        this.pageSize = pageSize;
    }

    public ChainReport verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return walk(connection);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private ChainReport walk(Connection connection) throws SQLException {
        Instant now;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select now()")) {
            row.next();
            now = row.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
        Instant cutoff = now.minus(grace);
        long stored;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from domain_event_entry")) {
            row.next();
            stored = row.getLong(1);
        }
        long links = 0;
        byte[] running = ChainHash.genesis();
        ChainHead head = null;
        long passedBeforeCutoff = -1; // highest global index of a link chained before the cutoff
        try (PreparedStatement page = connection.prepareStatement("select c.position, c.global_index as link_index,"
                + " c.event_identifier as link_event, c.previous_hash, c.hash, c.chained_at, " + StoredEvent.columns("e")
                + " from integrity_chain c left join domain_event_entry e on e.global_index = c.global_index"
                + " where c.position > ? order by c.position limit ?")) {
            boolean more = true;
            while (more) {
                page.setLong(1, links);
                page.setInt(2, pageSize);
                int rows = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        long position = row.getLong("position");
                        long linkIndex = row.getLong("link_index");
                        String linkEvent = row.getString("link_event");
                        byte[] hash = row.getBytes("hash");
                        StoredEvent event = StoredEvent.read(row);
                        ChainBreak broken = check(links + 1, position, linkIndex, linkEvent, running,
                                row.getBytes("previous_hash"), hash, event);
                        if (broken != null) {
                            return ChainReport.broken(links, stored, 0, head, broken, now);
                        }
                        Instant chainedAt = row.getObject("chained_at", java.time.OffsetDateTime.class).toInstant();
                        if (chainedAt.isBefore(cutoff)) {
                            passedBeforeCutoff = Math.max(passedBeforeCutoff, linkIndex);
                        }
                        running = hash;
                        links = position;
                        head = new ChainHead(position, linkIndex, linkEvent, ChainHash.hex(hash), chainedAt);
                    }
                }
                more = rows == pageSize;
            }
        }
        if (stored == links) {
            // every link has its own event (checked above, global indexes are unique): none is unchained
            return ChainReport.intact(links, stored, 0, head, now);
        }
        long pending = 0;
        try (PreparedStatement unchained = connection.prepareStatement("select " + StoredEvent.columns("e")
                + " from domain_event_entry e where not exists"
                + " (select 1 from integrity_chain c where c.global_index = e.global_index) order by e.global_index")) {
            unchained.setFetchSize(pageSize);
            try (ResultSet row = unchained.executeQuery()) {
                while (row.next()) {
                    StoredEvent event = StoredEvent.read(row);
                    if (event.globalIndex() < passedBeforeCutoff || recordedBefore(event, cutoff)) {
                        return ChainReport.broken(links, stored, pending, head, unchained(event), now);
                    }
                    pending++;
                }
            }
        }
        return ChainReport.intact(links, stored, pending, head, now);
    }

    private static ChainBreak check(long expected, long position, long linkIndex, String linkEvent, byte[] running,
                                    byte[] previousHash, byte[] hash, StoredEvent event) {
        if (position != expected) {
            return new ChainBreak(Kind.LINK_MISSING, Kind.LINK_MISSING.label(), position, linkIndex, linkEvent,
                    event == null ? null : event.aggregateIdentifier(), event == null ? null : event.sequenceNumber(),
                    "第" + expected + "号链节缺失（下一链节为第" + position + "号）：链节被删除",
                    "link " + expected + " is missing (the next link is " + position + "): links were deleted");
        }
        if (!Arrays.equals(previousHash, running)) {
            return new ChainBreak(Kind.PREVIOUS_HASH_MISMATCH, Kind.PREVIOUS_HASH_MISMATCH.label(), position, linkIndex,
                    linkEvent, event == null ? null : event.aggregateIdentifier(),
                    event == null ? null : event.sequenceNumber(),
                    "第" + position + "号链节记录的前一哈希与第" + (position - 1) + "号链节的哈希不符：链本身被改动",
                    "the previous hash of link " + position + " is not the hash of link " + (position - 1)
                            + ": the chain itself was altered");
        }
        if (event == null) {
            return new ChainBreak(Kind.EVENT_MISSING, Kind.EVENT_MISSING.label(), position, linkIndex, linkEvent, null,
                    null,
                    "第" + position + "号链节的事件（全局序号" + linkIndex + "，事件" + linkEvent + "）已不在事件库中：被删除",
                    "the event of link " + position + " (global index " + linkIndex + ", event " + linkEvent
                            + ") is no longer in the event store: it was deleted");
        }
        if (!event.eventIdentifier().equals(linkEvent) || !Arrays.equals(ChainHash.of(running, event), hash)) {
            return new ChainBreak(Kind.HASH_MISMATCH, Kind.HASH_MISMATCH.label(), position, linkIndex,
                    event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                    "第" + position + "号链节的事件（全局序号" + linkIndex + "，事件" + event.eventIdentifier() + "，对象"
                            + event.aggregateIdentifier() + "的第" + event.sequenceNumber()
                            + "号事件）与入链时不符：载荷、元数据或其他字段被改动",
                    "the event of link " + position + " (global index " + linkIndex + ", event "
                            + event.eventIdentifier() + ", aggregate " + event.aggregateIdentifier() + " sequence "
                            + event.sequenceNumber() + ") differs from what was chained: its payload, metadata or"
                            + " another column was changed");
        }
        return null;
    }

    private static ChainBreak unchained(StoredEvent event) {
        return new ChainBreak(Kind.UNCHAINED_EVENT, Kind.UNCHAINED_EVENT.label(), null, event.globalIndex(),
                event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                "事件（全局序号" + event.globalIndex() + "，事件" + event.eventIdentifier() + "，对象"
                        + event.aggregateIdentifier() + "的第" + event.sequenceNumber()
                        + "号事件）在事件库中却不在链中，且已超过宽限期：绕过系统写入，或被入链处理跳过",
                "the event at global index " + event.globalIndex() + " (event " + event.eventIdentifier()
                        + ", aggregate " + event.aggregateIdentifier() + " sequence " + event.sequenceNumber()
                        + ") is stored but in no link, past the grace period: written behind the service's back,"
                        + " or skipped by the chaining processor");
    }

    /** Whether the event says it was recorded before the cutoff; an unreadable time counts as old. */
    private static boolean recordedBefore(StoredEvent event, Instant cutoff) {
        if (event.timeStamp() == null) {
            return true;
        }
        try {
            return Instant.parse(event.timeStamp()).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
