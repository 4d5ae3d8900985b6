package io.nbo.contact.health;

import io.nbo.common.persistence.DatabaseFailures;
import io.nbo.contact.journal.Journal;
import io.nbo.contact.service.DecisionLog;
import io.nbo.contact.service.LogState;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * What the decision log, its journal and the database tell an operator (docs/operations.md):
 *
 * <ul>
 *   <li><b>live</b> ({@code decision-log}): down only when a writer thread died; a restart is the cure;</li>
 *   <li><b>ready</b> ({@code decision-log}): down when this node cannot keep what it would acknowledge: its journal
 *       cannot be written, or its log is full (new decisions are answered 503). The database being away does
 *       <em>not</em> make a node unready: it still answers warm decisions and keeps outcomes, and every node shares
 *       the database, so pulling them all out of the load balancer would turn the outage into a total one;</li>
 *   <li><b>well</b> ({@code database}, {@code decision-log-dead-letters}): down while the database cannot be reached
 *       or is slow (the degraded state: decisions from the cache, writes waiting in the journal), and while records
 *       the database refused wait in the dead-letter file. {@code /q/health} includes these, so it answers 503 while
 *       degraded although the node is ready.</li>
 * </ul>
 * Only counts, times, folders and SQLSTATEs appear: never a customer id or a database message.
 */
@ApplicationScoped
public class DecisionLogHealth {

    /** A batch the database has not answered for this long counts as the database being slow. */
    static final Duration SLOW = Duration.ofSeconds(10);

    private final DecisionLog log;
    private final DataSource dataSource;

    public DecisionLogHealth(DecisionLog log, DataSource dataSource) {
        this.log = log;
        this.dataSource = dataSource;
    }

    @Produces
    @Liveness
    HealthCheck writersAlive() {
        return () -> {
            HealthCheckResponseBuilder check = HealthCheckResponse.named("decision-log");
            if (!log.writerAlive()) {
                return check.down().withData("reason", "a writer thread of the decision log stopped; restart the "
                        + "server (the journal keeps what was acknowledged)").build();
            }
            return check.up().build();
        };
    }

    @Produces
    @Readiness
    HealthCheck canKeepWhatItAcknowledges() {
        return () -> {
            Journal journal = log.journal();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("decision-log")
                    .withData("backlog", log.backlog())
                    .withData("capacity", log.capacity())
                    .withData("journal", journal.dir().toAbsolutePath().toString())
                    .withData("database", log.state().databaseDown() ? "unreachable" : "reachable");
            if (journal.failingSince() != null) {
                return check.down().withData("reason", "the journal cannot be written since "
                        + journal.failingSince() + ": " + journal.failure()).build();
            }
            if (log.backlog() >= log.capacity()) {
                return check.down().withData("reason", "the log is full; new decisions are refused until the "
                        + "database takes the backlog").build();
            }
            return check.up().build();
        };
    }

    @Produces
    @Wellness
    HealthCheck database() {
        return () -> {
            LogState state = log.state();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("database")
                    .withData("backlog", log.backlog())
                    .withData("written", state.written());
            if (state.databaseDown()) {
                return check.down().withData("state", "degraded")
                        .withData("reason", "writing the decision log fails (" + state.lastFailure() + "); warm "
                                + "decisions are answered from the cache and what is acknowledged waits in the journal")
                        .withData("since", state.failingSince().toString()).build();
            }
            Duration waiting = state.waitingOnDatabase();
            if (waiting.compareTo(SLOW) > 0) {
                return check.down().withData("state", "degraded")
                        .withData("reason", "the database has not answered a write for " + waiting.toSeconds()
                                + " s").build();
            }
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.isValid(2)) {
                    return check.down().withData("state", "degraded")
                            .withData("reason", "the database did not answer a probe within 2 s").build();
                }
            } catch (SQLException | RuntimeException e) {
                return check.down().withData("state", "degraded")
                        .withData("reason", "the database cannot be reached (" + DatabaseFailures.describe(e) + ")")
                        .build();
            }
            return check.up().build();
        };
    }

    @Produces
    @Wellness
    HealthCheck deadLetters() {
        return () -> {
            long count = log.deadLetters().count();
            HealthCheckResponseBuilder check = HealthCheckResponse.named("decision-log-dead-letters")
                    .withData("count", count)
                    .withData("file", log.deadLetters().path().toAbsolutePath().toString());
            if (count != 0) {
                return check.down().withData("reason", "records the database refused are set aside in the file; "
                        + "see docs/operations.md, then move the file away").build();
            }
            return check.up().build();
        };
    }
}
