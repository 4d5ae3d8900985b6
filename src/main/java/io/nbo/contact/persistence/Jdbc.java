package io.nbo.contact.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the contact repositories. */
final class Jdbc {

    private Jdbc() {
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** True when the exception (or a cause) is a unique-key violation (SQLSTATE 23505, PostgreSQL and H2). */
    static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A checked SQL failure on the way out of a repository. */
    static RuntimeException failure(String what, SQLException e) {
        return new DataAccessFailure(what + ": " + e.getMessage(), e);
    }

    /** The database refused or could not be reached. */
    static final class DataAccessFailure extends RuntimeException {
        DataAccessFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
