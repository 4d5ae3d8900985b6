package io.nbo.support;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts at the datasource: Agroal calls this interceptor every time any code (Hibernate, plain JDBC, Flyway, the
 * decision-log writer) takes a connection from the pool, on the thread that takes it. No SQL can reach the database
 * without a connection, so "no call recorded" means "no round trip", whoever would have made it. Each call also notes
 * whether a JTA transaction was active, so a test can tell a plain query from a transactional one.
 */
@ApplicationScoped
public class DatabaseCalls implements AgroalPoolInterceptor {

    /** One connection taken from the pool. */
    public record Call(String thread, boolean inTransaction) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final TransactionManager transactions;

    public DatabaseCalls(TransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        calls.add(new Call(Thread.currentThread().getName(), inTransaction()));
    }

    /** A position in the record; {@link #since(int)} returns what came after it. */
    public int mark() {
        return calls.size();
    }

    public List<Call> since(int mark) {
        return List.copyOf(calls.subList(mark, calls.size()));
    }

    /** The calls after the mark made on the named thread. */
    public List<Call> since(int mark, String thread) {
        return since(mark).stream().filter(c -> c.thread().equals(thread)).toList();
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
