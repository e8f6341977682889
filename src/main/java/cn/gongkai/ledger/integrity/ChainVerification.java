package cn.gongkai.ledger.integrity;

import cn.gongkai.ledger.integrity.internal.ChainWalk;
import cn.gongkai.ledger.integrity.internal.IntegrityProperties;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;

/**
 * Checks the hash chain against the event store as it is now and reports the first broken link
 * (see {@link ChainReport}). The chain is global, across all agencies. Streams through the chain a
 * page at a time, so it runs in constant memory over millions of events; it takes one database
 * connection for as long as it runs.
 */
@Service
public class ChainVerification {

    private final DataSource dataSource;
    private final IntegrityProperties settings;

    ChainVerification(DataSource dataSource, IntegrityProperties settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** Verifies with the configured grace period ({@code gongkai.integrity.grace}). */
    public ChainReport verify() {
        return verify(settings.grace());
    }

    /** Verifies, calling a stored event a break once it has been out of the chain for longer than {@code grace}. */
    public ChainReport verify(Duration grace) {
        try (Connection connection = dataSource.getConnection()) {
            return new ChainWalk(grace, settings.pageSize()).verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the chain or the event store", e);
        }
    }
}
