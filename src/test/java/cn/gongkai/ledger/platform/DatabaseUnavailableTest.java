package cn.gongkai.ledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are answered 503 (the database out of reach) and which stay 500 or their own status. */
class DatabaseUnavailableTest {

    @Test
    void theDatabaseOutOfReachIsRecognizedThroughAnyWrapping() {
        assertThat(DatabaseUnavailable.causes(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseUnavailable.causes(new CannotCreateTransactionException("begin",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))).isTrue();
        assertThat(DatabaseUnavailable.causes(new CommandExecutionException("command failed",
                new IllegalStateException(new SQLException("terminating connection due to administrator command",
                        "57P01"))))).isTrue();
        assertThat(DatabaseUnavailable.causes(new RuntimeException(new SQLException("the database system is starting up",
                "57P03")))).isTrue();
    }

    /**
     * As seen in bench/service when PostgreSQL stopped under load: the commit failed as the server terminated the
     * connection, then the rollback failed on the closed connection, and Spring threw the rollback's failure with
     * the commit's kept beside it. That is the database out of reach (503, not 500), and the change is in doubt.
     */
    @Test
    void aCommitCutOffByTheServersShutdownIsUnavailableAndInDoubt() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException(
                "JDBC commit; FATAL: terminating connection due to administrator command",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseUnavailable.causes(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.inDoubt(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.causes(new TransactionSystemException("JDBC rollback failed",
                new SQLException("permission denied", "42501")))).as("a rollback refused for another reason").isFalse();
        assertThat(DatabaseUnavailable.inDoubt(new CannotCreateTransactionException("begin",
                new SQLTransientConnectionException("pool")))).as("nothing began: not in doubt").isFalse();
    }

    /**
     * As seen in the third bench/service run of 3 December: the commit failed as the server terminated the connection,
     * the pool closed it, and the transaction manager threw only the rollback's failure ("Commit exception overridden
     * by rollback exception", the commit's failure logged, not kept). Still the database out of reach, and in doubt.
     */
    @Test
    void aRollbackOnTheConnectionThePoolClosedIsUnavailableAndInDoubt() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));

        assertThat(DatabaseUnavailable.causes(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.inDoubt(rollbackFailed)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.causes(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("permission denied for table domain_event_entry",
                "42501"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException("no cause"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("no state"))).isFalse();
    }
}
