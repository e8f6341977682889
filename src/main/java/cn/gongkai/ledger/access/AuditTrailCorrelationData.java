package cn.gongkai.ledger.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * What every message produced while handling another one inherits from it (docs/adr/0010):
 * <ul>
 *   <li>{@link ActorMetaData#CORRELATION_ID}: the handled message's, unchanged, so one id runs
 *       from the HTTP request or job through every command, event and reaction;</li>
 *   <li>{@link ActorMetaData#CAUSATION_ID}: the handled message's own id: a command's events name
 *       the command, a command sent by an event handler names the event;</li>
 *   <li>from a command only: who acted, from where, and why ({@link ActorMetaData#USERNAME},
 *       {@link ActorMetaData#AGENCY}, {@link ActorMetaData#ROLES}, {@link ActorMetaData#CLIENT_ADDRESS},
 *       {@link ActorMetaData#REASON}). A command sent by an event handler names its own actor (a
 *       system job) instead of passing on the user, the address and the reason of the event it reacts to.</li>
 * </ul>
 * It replaces Axon's {@code MessageOriginProvider}, which Axon registers only when no other
 * provider exists: that one writes the handled message's id under {@code correlationId} (our
 * causation) and the first message's under {@code traceId}, and would overwrite our correlation id.
 */
public final class AuditTrailCorrelationData implements CorrelationDataProvider {

    private static final List<String> FROM_COMMANDS = List.of(ActorMetaData.USERNAME, ActorMetaData.AGENCY,
            ActorMetaData.ROLES, ActorMetaData.CLIENT_ADDRESS, ActorMetaData.REASON);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(ActorMetaData.CAUSATION_ID, message.getIdentifier());
        Object correlation = message.getMetaData().get(ActorMetaData.CORRELATION_ID);
        if (correlation != null) {
            data.put(ActorMetaData.CORRELATION_ID, correlation);
        }
        if (message instanceof CommandMessage<?>) {
            for (String key : FROM_COMMANDS) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
        }
        return data;
    }
}
