package io.nbo.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.io.EOFException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database failures a retry can cure, and what an operator is told about them (SQLSTATE only). */
class DatabaseFailuresTest {

    @ParameterizedTest(name = "SQLSTATE {0}: permanent {1}, unreachable {2}, \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            08001 | false | true  | SQLSTATE 08001 (connection exception)
            08006 | false | true  | SQLSTATE 08006 (connection exception)
            57P01 | false | true  | SQLSTATE 57P01 (operator intervention)
            53300 | false | true  | SQLSTATE 53300 (insufficient resources)
            40001 | false | false | SQLSTATE 40001 (transaction rollback)
            22001 | true  | false | SQLSTATE 22001 (data exception)
            22021 | true  | false | SQLSTATE 22021 (data exception)
            23503 | true  | false | SQLSTATE 23503 (integrity constraint violation)
            42P01 | false | false | SQLSTATE 42P01 (syntax error or access rule violation)
            """)
    void anSqlStateDecides(String state, boolean permanent, boolean unreachable, String description) {
        RuntimeException failure = new IllegalStateException("writing 3 decisions failed",
                new SQLException("the database's own words, which may quote a value", state));

        assertThat(DatabaseFailures.permanent(failure)).isEqualTo(permanent);
        assertThat(DatabaseFailures.unreachable(failure)).isEqualTo(unreachable);
        assertThat(DatabaseFailures.describe(failure)).isEqualTo(description);
        assertThat(DatabaseFailures.sqlState(failure)).isEqualTo(state);
    }

    @Test
    void aPoolTimeoutWithoutAStateIsTransientAndMeansUnreachable() {
        RuntimeException failure = new IllegalStateException(new SQLException("Sorry, acquisition timeout!"));

        assertThat(DatabaseFailures.permanent(failure)).isFalse();
        assertThat(DatabaseFailures.unreachable(failure)).isTrue();
        assertThat(DatabaseFailures.describe(failure)).isEqualTo("no SQLSTATE (e.g. no pooled connection in time)");
    }

    @Test
    void theDriverReportingALostConnectionAsAnAssertionInsideATransactionIsTransient() {
        RuntimeException failure = new QuarkusTransactionException(
                new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw"));

        assertThat(DatabaseFailures.permanent(failure)).isFalse();
        assertThat(DatabaseFailures.unreachable(failure)).isFalse();
        assertThat(DatabaseFailures.describe(failure))
                .isEqualTo("the transaction failed (connection lost or timed out)");
    }

    @Test
    void aFailureWithNoSqlStateIsNeverPermanentSoHealthyRecordsAreNeverSetAside() {
        assertThat(DatabaseFailures.permanent(new NullPointerException())).isFalse();
        assertThat(DatabaseFailures.permanent(new IllegalStateException(new EOFException()))).isFalse();
        assertThat(DatabaseFailures.describe(new IllegalStateException(new EOFException())))
                .isEqualTo("I/O failure talking to the database");
    }

    @Test
    void aFileThatCannotBeReadIsNotTheDatabaseBeingAway() {
        assertThat(DatabaseFailures.unreachable(new java.io.UncheckedIOException(new EOFException()))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(new java.net.ConnectException())))
                .isTrue();
    }
}
