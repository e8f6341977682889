package cn.gongkai.ledger.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records on every command sent through the {@code CommandGateway} who sent it, in which run of
 * work, and why; handlers never set these entries themselves:
 * <ul>
 *   <li>the logged-in staff user ({@link ActorMetaData#USERNAME}, {@link ActorMetaData#AGENCY},
 *       {@link ActorMetaData#ROLES}) and, when sent from an HTTP request, the client's address
 *       ({@link ActorMetaData#CLIENT_ADDRESS});</li>
 *   <li>the correlation id ({@link ActorMetaData#CORRELATION_ID}): inherited from the event an event
 *       handler reacts to, else the HTTP request's or job's ({@link Correlation}), else a new one;</li>
 *   <li>the reason ({@link ActorMetaData#REASON}), exactly when the command {@link GivesReason gives one}.</li>
 * </ul>
 *
 * <p>Runs on the dispatching thread, where the security context and the request are. A command
 * that already names an actor keeps it: that is how a system job sends commands with
 * {@link Actor#system}. A command sent with neither an actor nor a logged-in user gets no actor;
 * its handler fails with {@link NoActor} when it asks who acted.
 */
public class ActorMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor currentActor;

    public ActorMetaDataInterceptor(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metaData = command.getMetaData().withoutKeys(Set.of(ActorMetaData.REASON));
            Map<String, String> entries = new HashMap<>();
            if (!metaData.containsKey(ActorMetaData.USERNAME)) {
                currentActor.find().ifPresent(actor -> {
                    entries.putAll(actor.toMetaData());
                    clientAddress().ifPresent(address -> entries.put(ActorMetaData.CLIENT_ADDRESS, address));
                });
            }
            if (!metaData.containsKey(ActorMetaData.CORRELATION_ID)) {
                entries.put(ActorMetaData.CORRELATION_ID, Correlation.current().orElseGet(Correlation::newId));
            }
            if (command.getPayload() instanceof GivesReason given && given.reason() != null
                    && !given.reason().isBlank()) {
                entries.put(ActorMetaData.REASON, given.reason());
            }
            return command.withMetaData(metaData.mergedWith(entries));
        };
    }

    /** The remote address of the HTTP request this thread serves, if any (as resolved by the server's forwarded-header handling). */
    private static Optional<String> clientAddress() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return Optional.ofNullable(servlet.getRequest().getRemoteAddr());
        }
        return Optional.empty();
    }
}
