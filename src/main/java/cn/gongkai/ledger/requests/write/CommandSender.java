package cn.gongkai.ledger.requests.write;

import cn.gongkai.ledger.platform.IfMatch;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command for one application and answers the HTTP call with the application's new
 * version, also as an {@code ETag} that the client may send back in {@code If-Match} so that a
 * change based on a stale view is refused (409) instead of overwriting a colleague's.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;
    private final EventStore eventStore;

    CommandSender(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    public ResponseEntity<Accepted> send(UUID requestId, Object command) {
        commands.sendAndWait(command);
        long version = version(requestId);
        return ResponseEntity.ok().eTag(Long.toString(version)).body(new Accepted(requestId, version));
    }

    public long version(UUID requestId) {
        return eventStore.lastSequenceNumberFor(requestId.toString()).orElse(-1L);
    }

    /** The version a client expects, from an {@code If-Match} header such as {@code "7"}; null if absent. */
    public static Long expectedVersion(String ifMatch) {
        return IfMatch.expectedVersion(ifMatch, "申请", "application's");
    }

    /** What a successful command answers: the application and its version after the change. */
    public record Accepted(UUID requestId, long version) {
    }
}
