package cn.gongkai.ledger.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database being out of reach (stopped, restarting, the pool unable to get a
 * connection) rather than a fault of the request or the code: such an answer is 503 with
 * {@code Retry-After}, nothing was stored, and the client may send the same request again
 * (README, "Running in production"). The service itself recovers when the server is back: the pool opens
 * new connections and the event processors retry.
 */
public final class DatabaseUnavailable {

    /** The {@code Retry-After} of the 503, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String RULE = "DatabaseUnavailable";
    public static final String MESSAGE_ZH = "数据库暂时不可用，未作任何记录，请稍后重试";
    public static final String MESSAGE_EN = "the database is unavailable for now; nothing was recorded; retry later";

    private DatabaseUnavailable() {
    }

    /**
     * The answer when the server went away during the commit itself: PostgreSQL may have written the commit
     * before it closed the connection, so "nothing was recorded" would not be known to be true.
     */
    public static final String MESSAGE_IN_DOUBT_ZH = "数据库在提交时中断，本次操作可能已记录也可能未记录：请先查看，再决定是否重新提交";
    public static final String MESSAGE_IN_DOUBT_EN = "the database went away while committing: the change may or may not have"
            + " been recorded; look it up before sending it again";

    /**
     * True if {@code failure} or one of its causes says the database cannot be reached. A failed rollback
     * after a failed commit (Spring's "Commit exception overridden by rollback exception") is judged by the
     * commit's failure, which Spring keeps beside the cause.
     */
    public static boolean causes(Throwable failure) {
        if (rollbackOnAClosedConnection(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException system && system.getApplicationException() != null
                    && system.getApplicationException() != failure && causes(system.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // class 08: connection exception; 57P01-57P03: the server shutting down or starting
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** True if the database went away while a transaction was being committed (see {@link #MESSAGE_IN_DOUBT_EN}). */
    public static boolean inDoubt(Throwable failure) {
        if (rollbackOnAClosedConnection(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException system && system.getApplicationException() != null
                    && inDoubt(system.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessException access && access.getMessage() != null
                    && access.getMessage().startsWith("JDBC commit")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rollback that failed because the pool had already closed the connection, which it does when the server
     * terminated it: Spring's transaction manager throws that failure alone when a commit failed first ("Commit
     * exception overridden by rollback exception", logged, not kept: bench/service, 3 December). The server went
     * away under the transaction, perhaps during its commit: unavailable, and in doubt (saying "look it up first" is
     * never wrong; saying "nothing was recorded" could be).
     */
    private static boolean rollbackOnAClosedConnection(Throwable failure) {
        return failure instanceof TransactionSystemException system && system.getMessage() != null
                && system.getMessage().startsWith("JDBC rollback")
                && system.getCause() instanceof SQLException sql && POOL_CLOSED_CONNECTION.equals(sql.getMessage());
    }

    /** What HikariCP's stand-in for a closed connection throws (no SQLSTATE). */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";
}
