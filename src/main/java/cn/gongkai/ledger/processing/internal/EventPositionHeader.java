package cn.gongkai.ledger.processing.internal;

import cn.gongkai.ledger.processing.ReadYourWrites;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers every HTTP request whose commands appended events with
 * {@value ReadYourWrites#EVENT_POSITION}: the global index of the last event appended, so that the
 * client can read its own writes (ADR 0014). Whatever endpoint sent the commands: the events are
 * noted as the event store takes them on the request's thread, and once their unit of work has
 * committed, the last one's global index (assigned by the database) is looked up by its unique
 * identifier and set on the response, which is not yet written. Several commands in one request
 * answer the highest position. Events appended by processors and jobs (no request on their thread)
 * are not noted; a command that appended nothing (a repeated registration) answers no position.
 */
@Component
class EventPositionHeader {

    private static final String LAST_EVENT = EventPositionHeader.class.getName() + ".lastEvent";
    private static final String POSITION = EventPositionHeader.class.getName() + ".position";

    private final JdbcClient jdbc;

    EventPositionHeader(EventStore eventStore, JdbcClient jdbc) {
        this.jdbc = jdbc;
        // registered here rather than as a bean: a MessageDispatchInterceptor bean would be offered to the command bus
        eventStore.registerDispatchInterceptor(new MessageDispatchInterceptor<EventMessage<?>>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                note(events);
                return (index, event) -> event;
            }
        });
    }

    private void note(List<? extends EventMessage<?>> events) {
        if (events.isEmpty() || !CurrentUnitOfWork.isStarted()
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        boolean first = !root.resources().containsKey(LAST_EVENT);
        root.resources().put(LAST_EVENT, events.getLast().getIdentifier());
        if (first) {
            root.afterCommit(unitOfWork -> answer(request, unitOfWork.getResource(LAST_EVENT)));
        }
    }

    private void answer(ServletRequestAttributes request, String eventIdentifier) {
        jdbc.sql("select global_index from domain_event_entry where event_identifier = :id")
                .param("id", eventIdentifier)
                .query(Long.class)
                .optional()
                .ifPresent(position -> {
                    Object before = request.getAttribute(POSITION, RequestAttributes.SCOPE_REQUEST);
                    long highest = before instanceof Long earlier ? Math.max(earlier, position) : position;
                    request.setAttribute(POSITION, highest, RequestAttributes.SCOPE_REQUEST);
                    HttpServletResponse response = request.getResponse();
                    if (response != null && !response.isCommitted()) {
                        response.setHeader(ReadYourWrites.EVENT_POSITION, Long.toString(highest));
                    }
                });
    }
}
