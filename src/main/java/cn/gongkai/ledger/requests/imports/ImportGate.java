package cn.gongkai.ledger.requests.imports;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps commands out while an import's transaction is open. An import appends up to hundreds of
 * thousands of events in one transaction; a command committing meanwhile would take a global index
 * above the import's whole range, and the tracking processors would skip past the import's indexes as
 * gaps and drop them once they lie too far behind (Axon keeps gaps only 10,000 positions back). Each
 * command holds the shared side from its handling to the end of its unit of work (its commit); the
 * import holds the exclusive side. Within this process only: the service runs as one instance.
 */
@Component
class ImportGate implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    ImportGate(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        lock.readLock().lock();
        unitOfWork.onCleanup(u -> lock.readLock().unlock());
        return interceptorChain.proceed();
    }

    void exclusively(Runnable work) {
        lock.writeLock().lock();
        try {
            work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
