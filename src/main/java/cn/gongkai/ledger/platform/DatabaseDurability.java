package cn.gongkai.ledger.platform;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start when PostgreSQL, as the service's own connection sees it, may lose a commit it
 * has acknowledged.
 *
 * <p>With {@code synchronous_commit=off} a commit returns, and its rows become visible to other
 * sessions, before its WAL reaches the disk: a crash of the database server (or of the machine)
 * then loses commands the service answered 2xx to, while the Kafka publisher, which reads the
 * event table in another session, may already have sent their events (phantom events: on the
 * topic, not in the store). With it on (or {@code local}, {@code remote_write},
 * {@code remote_apply}), PostgreSQL flushes the commit record before it marks the transaction
 * visible, so whatever the publisher reads is durable. That holds only if the flush reaches the
 * disk: {@code fsync=off} lets a crash of the machine lose or corrupt it, and
 * {@code full_page_writes=off} lets a torn page corrupt the store. The service keeps running (an
 * operator may have chosen so, e.g. on a throwaway test server) but says so at WARN on every
 * start; README, "Durability".
 *
 * <p>The settings are read on the service's connection, so a per-role or per-database
 * {@code ALTER ... SET synchronous_commit = off} counts too.
 */
@Component
class DatabaseDurability implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseDurability.class);

    private final JdbcClient jdbc;

    DatabaseDurability(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings as the service's session has them. */
    record Settings(String synchronousCommit, String fsync, String fullPageWrites) {

        /** Each setting that makes an acknowledged commit losable, as {@code name=value}; empty when none. */
        List<String> unsafe() {
            List<String> unsafe = new ArrayList<>();
            if ("off".equalsIgnoreCase(synchronousCommit)) {
                unsafe.add("synchronous_commit=" + synchronousCommit);
            }
            if (!"on".equalsIgnoreCase(fsync)) {
                unsafe.add("fsync=" + fsync);
            }
            if (!"on".equalsIgnoreCase(fullPageWrites)) {
                unsafe.add("full_page_writes=" + fullPageWrites);
            }
            return unsafe;
        }
    }

    Settings settings() {
        return jdbc.sql("""
                        select current_setting('synchronous_commit') as synchronous_commit,
                               current_setting('fsync') as fsync,
                               current_setting('full_page_writes') as full_page_writes""")
                .query(Settings.class)
                .single();
    }

    @Override
    public void afterPropertiesSet() {
        Settings settings = settings();
        List<String> unsafe = settings.unsafe();
        if (unsafe.isEmpty()) {
            log.info("PostgreSQL commits are durable: synchronous_commit={}, fsync={}, full_page_writes={}",
                    settings.synchronousCommit(), settings.fsync(), settings.fullPageWrites());
        } else {
            log.warn("PostgreSQL is not crash-safe for this service ({}): a crash of the database server or the machine"
                    + " can lose commands that were already answered as done, and Kafka may then hold events the"
                    + " event store lacks. Set synchronous_commit=on, fsync=on and full_page_writes=on"
                    + " (README, \"Durability\").", String.join(", ", unsafe));
        }
    }
}
