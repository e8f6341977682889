package cn.gongkai.ledger.platform;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * For event processors that never use an applicant's personal data (the Kafka publisher, the audit
 * trail): within their units of work, {@link PersonalDataSerializer} does not decrypt
 * {@link PersonalData} at all, and every such value reads as {@link PersonalData#WITHHELD}. Need
 * to know, and no key lookup for each application a processor catches up on.
 *
 * <p>Register it as a handler interceptor of the processor:
 * {@code configurer.eventProcessing().registerHandlerInterceptor(group, c -> new WithholdPersonalData())}.
 */
public final class WithholdPersonalData implements MessageHandlerInterceptor<EventMessage<?>> {

    static final String RESOURCE = WithholdPersonalData.class.getName();

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.root().resources().put(RESOURCE, Boolean.TRUE);
        return interceptorChain.proceed();
    }
}
