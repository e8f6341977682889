package cn.gongkai.ledger.requests.imports;

import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps commands out while an import's transaction is open, on every instance of the service. An import
 * appends up to hundreds of thousands of events in one transaction; a command committing meanwhile would
 * take a global index above the import's whole range, and the tracking processors would skip past the
 * import's indexes as gaps and drop them once they lie too far behind (Axon keeps gaps only 10,000
 * positions back).
 *
 * <p>A PostgreSQL advisory lock, so that it holds across instances sharing the database: each command's
 * transaction takes its shared side before its handler runs (Axon opens the unit of work's transaction
 * before the handler interceptors) and keeps it to its commit; the import's transaction takes the
 * exclusive side first, waits for the commands already running to commit, and holds the rest back until
 * its own commit or rollback. A crashed instance's lock goes with its connection.
 */
@Component
class ImportGate implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Advisory lock key: "gongkai" and 0x02 (0x01 is the personal-data keys' wrapping lock). */
    static final long IMPORT_LOCK = 0x676f6e676b616902L;

    private final JdbcTemplate jdbc;

    ImportGate(CommandBus commandBus, DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        jdbc.query("select pg_advisory_xact_lock_shared(?)", (rs, n) -> null, IMPORT_LOCK);
        return interceptorChain.proceed();
    }

    /** In a transaction: true if no import holds the gate on any instance (and none can take it until this transaction ends). */
    boolean noImportRunning() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock_shared(?)", Boolean.class, IMPORT_LOCK));
    }

    /** Called in the import's transaction, before its first write. */
    void holdCommandsBack() {
        jdbc.query("select pg_advisory_xact_lock(?)", (rs, n) -> null, IMPORT_LOCK);
    }
}
