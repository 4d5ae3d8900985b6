package io.nbo.contact.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nbo.contact.journal.Journal;

/** The decision log's meters (docs/operations.md lists them with their Prometheus names). */
final class LogMetrics {

    private LogMetrics() {
    }

    static void register(MeterRegistry meters, PendingLog pending, LogState state, Journal journal) {
        Gauge.builder("nbo.decision.log.backlog", pending, PendingLog::size)
                .description("Decisions and outcomes waiting to be written to the database").register(meters);
        Gauge.builder("nbo.decision.log.database.down", state, s -> s.databaseDown() ? 1 : 0)
                .description("1 while writing the decision log to the database fails").register(meters);
        FunctionCounter.builder("nbo.decision.log.written", state, LogState::written)
                .description("Decisions and outcomes written to the database").register(meters);
        FunctionCounter.builder("nbo.decision.log.dead.letters", state, LogState::permanentFailures)
                .description("Decisions and outcomes the database refused for good, set aside").register(meters);
        FunctionCounter.builder("nbo.decision.log.write.retries", state, LogState::transientFailures)
                .description("Batches that failed for a transient reason and were retried").register(meters);
        FunctionCounter.builder("nbo.journal.syncs", journal, Journal::commits)
                .description("Journal writes forced to disk (group commits)").register(meters);
        FunctionCounter.builder("nbo.journal.records", journal, Journal::records)
                .description("Records written to the journal; divided by syncs, the mean group size").register(meters);
    }
}
