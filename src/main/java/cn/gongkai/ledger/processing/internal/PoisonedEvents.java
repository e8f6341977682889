package cn.gongkai.ledger.processing.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Events that a processing group failed on for a deterministic reason, remembered between the
 * failure and the batch's next attempt, in memory.
 *
 * <p>Why not park at once: in PostgreSQL a failed statement aborts the whole transaction, and the
 * batch's transaction is the one the letter would be written in (together with the token, so that
 * parking and moving on are one step). A failure that is not a statement's (an exception in the
 * handler) may also leave half of the event's writes behind. So {@link ParkingPolicy} notes the
 * event here and throws the failure on: the batch rolls back whole and the processor retries it
 * after its back-off. On that attempt {@link PoisonedEventGate} refuses the event before its
 * handler runs, with {@link Poisoned}, and the policy parks it in a transaction that is intact.
 * Another instance that claims the segment meanwhile learns the same by failing once itself.
 */
final class PoisonedEvents {

    private static final int REMEMBERED = 1024;

    private final Map<Key, Poisoned> events = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Poisoned> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile boolean empty = true;

    void remember(String group, String eventId, String causeType, String causeMessage) {
        events.put(new Key(group, eventId), new Poisoned(group, eventId, causeType, causeMessage));
        empty = false;
    }

    /** The remembered failure of that event in that group, if any; cheap while nothing is remembered. */
    Optional<Poisoned> find(String group, String eventId) {
        if (empty) {
            return Optional.empty();
        }
        return Optional.ofNullable(events.get(new Key(group, eventId)));
    }

    void forget(String group, String eventId) {
        events.remove(new Key(group, eventId));
        synchronized (events) {
            empty = events.isEmpty();
        }
    }

    private record Key(String group, String eventId) {
    }

    /**
     * Thrown instead of running the handler of an event that failed before: the earlier failure's
     * type and message (already free of content, see {@link ParkingPolicy#describe}).
     */
    static final class Poisoned extends RuntimeException {

        private final String group;
        private final String eventId;
        private final String causeType;
        private final String causeMessage;

        Poisoned(String group, String eventId, String causeType, String causeMessage) {
            super("event " + eventId + " failed in " + group + " before: " + causeType, null, false, false);
            this.group = group;
            this.eventId = eventId;
            this.causeType = causeType;
            this.causeMessage = causeMessage;
        }

        String group() {
            return group;
        }

        String eventId() {
            return eventId;
        }

        String causeType() {
            return causeType;
        }

        String causeMessage() {
            return causeMessage;
        }
    }
}
