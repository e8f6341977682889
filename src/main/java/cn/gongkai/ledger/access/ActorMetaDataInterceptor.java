package cn.gongkai.ledger.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records on every command sent through the {@code CommandGateway} who sent it: the logged-in staff
 * user ({@link ActorMetaData#USERNAME}, {@link ActorMetaData#AGENCY}, {@link ActorMetaData#ROLES})
 * and, when sent from an HTTP request, the client's address ({@link ActorMetaData#CLIENT_ADDRESS}).
 *
 * <p>Runs on the dispatching thread, where the security context and the request are. A command
 * that already names an actor is left as it is: that is how a system job sends commands with
 * {@link Actor#system}. A command sent with neither an actor nor a logged-in user also passes
 * unchanged; its handler fails with {@link NoActor} when it asks who acted.
 */
public class ActorMetaDataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final CurrentActor currentActor;

    public ActorMetaDataInterceptor(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(ActorMetaData.USERNAME)) {
                return command;
            }
            Optional<Actor> actor = currentActor.find();
            if (actor.isEmpty()) {
                return command;
            }
            Map<String, String> entries = new HashMap<>(actor.get().toMetaData());
            clientAddress().ifPresent(address -> entries.put(ActorMetaData.CLIENT_ADDRESS, address));
            return command.andMetaData(entries);
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
