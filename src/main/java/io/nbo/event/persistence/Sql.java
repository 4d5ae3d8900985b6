package io.nbo.event.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Small JDBC helpers of the event repositories: they run in the caller's transaction (JTA joins the connection). */
final class Sql {

    /** A statement's parameters, set in order. */
    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Reads one result set. */
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Statements on a connection the caller owns (and commits): it is used as is and never closed here. */
    static Sql on(Connection connection) {
        Connection kept = (Connection) java.lang.reflect.Proxy.newProxyInstance(Sql.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new Sql(new OneConnection(kept));
    }

    /** A data source handing out one connection. */
    private record OneConnection(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Connection getConnection(String user, String password) {
            return connection;
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Sets one item's parameters of a batched statement. */
    interface ItemBinder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }

    /** Runs one statement for every item as a single JDBC batch (one round trip where the driver allows). */
    <T> void batch(String sql, java.util.Collection<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(s, item);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** {@code ?, ?, ?} for an {@code in (...)} list of n values. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Binds the ids of an {@code in (...)} list from parameter 1. */
    static Binder ids(java.util.List<String> ids) {
        return s -> {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
        };
    }

    /** Updates a counter row, or inserts it when there is none (callers hold the customer's row lock). */
    void upsert(String update, String insert, Binder binder) {
        if (update(update, binder) == 0) {
            update(insert, binder);
        }
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** No customer data and no driver message: both could reach a log (docs/security.md). */
    private static RuntimeException failure(String sql, SQLException e) {
        String table = sql.replaceAll("(?s).*?(from|into|update)\\s+(\\w+).*", "$2");
        return new EventStoreFailure("event store: statement on " + table + " failed (SQLState " + e.getSQLState()
                + ")", e);
    }

    /** The database refused or could not be reached. */
    public static final class EventStoreFailure extends RuntimeException {
        EventStoreFailure(String message, Throwable cause) {
            super(message, cause);
        }

        /** True for a unique-key violation (SQLSTATE 23505, PostgreSQL and H2). */
        public boolean duplicate() {
            return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
        }
    }
}
