package cn.gongkai.ledger.processing.internal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Wraps the event handlers of every {@link ProcessingGroup}: an event remembered in
 * {@link PoisonedEvents} for the handler's group is refused with {@link PoisonedEvents.Poisoned}
 * before the handler runs, inside the dead-lettering invoker, so that the policy parks it. Any other
 * event goes straight to the handler (one volatile read while nothing is remembered).
 */
final class PoisonedEventGate implements HandlerEnhancerDefinition {

    private final PoisonedEvents poisoned;

    PoisonedEventGate(PoisonedEvents poisoned) {
        this.poisoned = poisoned;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        String name = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                var known = poisoned.find(name, message.getIdentifier());
                if (known.isPresent()) {
                    throw known.get();
                }
                return super.handle(message, target);
            }
        };
    }
}
