package cn.gongkai.ledger.disputes.write;

import cn.gongkai.ledger.access.CurrentActor;
import cn.gongkai.ledger.disputes.read.DisputeRecords;
import cn.gongkai.ledger.disputes.read.DisputeView;
import cn.gongkai.ledger.platform.IfMatch;
import cn.gongkai.ledger.platform.NotFound;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command that changes an existing case and answers with the case as it now stands, its
 * version also as an {@code ETag} for the next {@code If-Match}. A case of another agency, or an id
 * that names no case, is not found before anything is sent.
 */
@Component
public class DisputeChanges {

    private final CommandGateway commands;
    private final DisputeRecords records;
    private final CurrentActor currentActor;

    DisputeChanges(CommandGateway commands, DisputeRecords records, CurrentActor currentActor) {
        this.commands = commands;
        this.records = records;
        this.currentActor = currentActor;
    }

    /** {@code command} receives the version the client expects (from {@code If-Match}), or null. */
    public ResponseEntity<DisputeView> send(UUID disputeId, String ifMatch, Function<Long, Object> command) {
        Long expected = IfMatch.expectedVersion(ifMatch, "案件", "case's");
        String agencyId = currentActor.current().agencyId();
        records.find(disputeId, agencyId).orElseThrow(() -> new NotFound("dispute " + disputeId));
        commands.sendAndWait(command.apply(expected));
        DisputeView view = records.find(disputeId, agencyId).orElseThrow();
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }
}
