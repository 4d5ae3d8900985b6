package io.nbo.common.error;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * Tells a request value the database refuses (SQL state class 22, "data exception": a text longer than its column, a
 * NUL character, a number out of range) from a fault on our side, so the caller gets a 400 it can act on rather than
 * a 500. The message names no column and repeats no value: the database's own text may quote the request.
 */
final class StoredValues {

    static final String DETAIL = "a value in the request cannot be stored: it is too long for its field, out of "
            + "range, or holds a character such as NUL; shorten or correct it";

    private StoredValues() {
    }

    /** The SQL state, when {@code e} was caused by a data exception the database raised. */
    static Optional<String> refusedByDatabase(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return find(e, seen, 0);
    }

    private static Optional<String> find(Throwable e, Set<Throwable> seen, int depth) {
        if (e == null || depth > 20 || !seen.add(e)) {
            return Optional.empty();
        }
        if (e instanceof SQLException sql) {
            for (SQLException s = sql; s != null; s = s.getNextException()) {
                if (s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                    return Optional.of(s.getSQLState());
                }
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            Optional<String> found = find(suppressed, seen, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return find(e.getCause(), seen, depth + 1);
    }
}
