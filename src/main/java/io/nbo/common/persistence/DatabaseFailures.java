package io.nbo.common.persistence;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells the two kinds of database failure apart, by the SQLSTATE of the first {@link SQLException} in the cause chain:
 *
 * <ul>
 *   <li><b>permanent</b>: the database refused this data and will refuse it again (class 22, data exception: a value
 *       too long, a zero byte in a text; class 23, integrity constraint violation: a missing parent row, a null in a
 *       required column). Retrying cannot help; the record is set aside.</li>
 *   <li><b>transient</b>: everything else, chiefly the database being unreachable or busy (class 08 connection
 *       exception, 53 insufficient resources, 57 operator intervention such as a restart, 40 transaction rollback, a
 *       pool timeout without a state). Retrying later helps.</li>
 * </ul>
 *
 * Anything without such a state is transient, whatever it looks like: the driver reports a connection lost in the
 * middle of a batch as an assertion error, and a transaction that could not be rolled back as a transaction-manager
 * exception. Calling those permanent would set aside healthy records record by record while the database is away.
 * Descriptions name the SQLSTATE and its class only, never the database's message, which can quote the values
 * (personal data) it refused.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** True when retrying the same write cannot succeed. */
    public static boolean permanent(Throwable failure) {
        String state = sql(failure).map(SQLException::getSQLState).orElse(null);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** True when the database could not be reached or could not serve now (a request should be retried shortly). */
    public static boolean unreachable(Throwable failure) {
        Optional<SQLException> sql = sql(failure);
        if (sql.isEmpty()) {
            return network(failure);
        }
        String state = sql.get().getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57");
    }

    /** The SQLSTATE and its class, e.g. {@code SQLSTATE 08001 (connection exception)}; never the values involved. */
    public static String describe(Throwable failure) {
        Optional<SQLException> sql = sql(failure);
        if (sql.isEmpty()) {
            if (io(failure) || network(failure)) {
                return "I/O failure talking to the database";
            }
            return transaction(failure) ? "the transaction failed (connection lost or timed out)"
                    : "no SQLSTATE (" + failure.getClass().getSimpleName() + ")";
        }
        String state = sql.get().getSQLState();
        if (state == null || state.length() < 2) {
            return "no SQLSTATE (e.g. no pooled connection in time)";
        }
        return "SQLSTATE " + state + " (" + stateClass(state.substring(0, 2)) + ")";
    }

    /** The SQLSTATE of the first SQL exception in the chain, or null. */
    public static String sqlState(Throwable failure) {
        return sql(failure).map(SQLException::getSQLState).orElse(null);
    }

    private static String stateClass(String code) {
        return switch (code) {
            case "08" -> "connection exception";
            case "22" -> "data exception";
            case "23" -> "integrity constraint violation";
            case "25" -> "invalid transaction state";
            case "40" -> "transaction rollback";
            case "42" -> "syntax error or access rule violation";
            case "53" -> "insufficient resources";
            case "54" -> "program limit exceeded";
            case "57" -> "operator intervention";
            case "58" -> "system error";
            case "XX" -> "internal error";
            default -> "class " + code;
        };
    }

    private static Optional<SQLException> sql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return Optional.of(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean io(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean network(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A JTA/transaction-manager failure (timeout, rollback) without an SQL cause: the database may be slow. */
    private static boolean transaction(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("jakarta.transaction.") || name.startsWith("javax.transaction.")
                    || name.equals("io.quarkus.narayana.jta.QuarkusTransactionException")) {
                return true;
            }
        }
        return false;
    }
}
