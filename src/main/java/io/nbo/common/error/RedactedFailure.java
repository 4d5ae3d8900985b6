package io.nbo.common.error;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * A copy of a failure fit for the log: the same chain of causes and stack frames, but database errors keep only their
 * SQLState and constraint name. Drivers and Hibernate put the refused row's values (a customer's profile) and the
 * statement's bound parameters into their messages; those never reach the log.
 */
final class RedactedFailure extends RuntimeException {

    private final String description;

    private RedactedFailure(String description, StackTraceElement[] trace, Throwable cause) {
        super(description, cause, false, true);
        this.description = description;
        setStackTrace(trace);
    }

    /** The loggable copy of a failure and its causes. */
    static Throwable of(Throwable failure) {
        return copy(failure, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable t, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        Throwable cause = copy(t.getCause(), seen);
        return new RedactedFailure(t.getClass().getName() + describe(t), t.getStackTrace(), cause);
    }

    private static String describe(Throwable t) {
        if (t instanceof ConstraintViolationException c) {
            return ": database refused the statement (SQLState " + c.getSQLState() + ", constraint "
                    + c.getConstraintName() + ")";
        }
        if (t instanceof JDBCException jdbc) {
            return ": database error (SQLState " + jdbc.getSQLState() + ")";
        }
        if (t instanceof SQLException sql) {
            return ": database error (SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + ")";
        }
        return t.getMessage() == null ? "" : ": " + t.getMessage();
    }

    @Override
    public String toString() {
        return description;
    }
}
