package io.nbo.contact.service;

import io.nbo.common.persistence.DatabaseFailures;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.journal.ContactRecords;
import io.nbo.contact.journal.DeadLetterFile;
import io.nbo.contact.persistence.LogStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The one thread that writes the log to the database, in batches, in the order entries were recorded (an outcome
 * after its decision). It tells failures apart ({@link DatabaseFailures}):
 *
 * <ul>
 *   <li><b>transient</b> (database unreachable, busy, restarting): the batch is kept and tried again with exponential
 *       back-off (100 ms doubling to 5 s); the entries stay readable as pending and stay in the journal;</li>
 *   <li><b>permanent</b> (the database refuses a value): the batch is written again one entry at a time, in order;
 *       each entry the database refuses is set aside in the {@link DeadLetterFile} and reported, and the others are
 *       written, so one poison record never blocks the queue.</li>
 * </ul>
 */
final class LogWriter {

    static final String THREAD = "decision-log-writer";
    private static final Logger LOG = Logger.getLogger(LogWriter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final BlockingQueue<LogEntry> queue;
    private final LogStore store;
    private final int batchSize;
    private final LogState state;
    private final DeadLetterFile deadLetters;
    private final Consumer<List<LogEntry>> done;
    private volatile boolean running = true;
    private Thread thread;

    LogWriter(BlockingQueue<LogEntry> queue, LogStore store, int batchSize, LogState state,
              DeadLetterFile deadLetters, Consumer<List<LogEntry>> done) {
        this.queue = queue;
        this.store = store;
        this.batchSize = batchSize;
        this.state = state;
        this.deadLetters = deadLetters;
        this.done = done;
    }

    void start() {
        thread = new Thread(this::loop, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    boolean alive() {
        return thread == null || thread.isAlive() || !running;
    }

    /**
     * Writes what is queued while writes succeed, for at most {@code drain}, then stops; what is left (the database
     * failed or was too slow) stays in the journal for the next start.
     */
    void stop(Duration drain) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(drain.toMillis() + 1_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        }
    }

    private void loop() {
        List<LogEntry> batch = new ArrayList<>(batchSize);
        long backoff = FIRST_BACKOFF_MS;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    if (!running && queue.isEmpty()) {
                        return;
                    }
                    LogEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                if (write(batch)) {
                    backoff = FIRST_BACKOFF_MS;
                    continue;
                }
                if (!running) {
                    // Stopping with the database away: do not hold the shutdown; the journal keeps the rest.
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when the batch is done (written or set aside); false after a transient failure, the rest still in it. */
    private boolean write(List<LogEntry> batch) {
        state.writing();
        try {
            store.write(decisions(batch), outcomes(batch));
            java.time.Instant wasFailingSince = state.failingSince();
            state.succeeded(batch.size());
            if (wasFailingSince != null) {
                LOG.infof("Writing the decision log works again (it failed from %s); catching up with %d entries",
                        wasFailingSince, batch.size() + queue.size());
            }
            done.accept(List.copyOf(batch));
            batch.clear();
            return true;
        } catch (RuntimeException | AssertionError e) {
            // AssertionError: how the PostgreSQL driver reports a connection lost in the middle of a batch.
            if (!DatabaseFailures.permanent(e)) {
                retryLater(e, batch.size());
                return false;
            }
            return oneByOne(batch);
        }
    }

    private boolean oneByOne(List<LogEntry> batch) {
        List<LogEntry> finished = new ArrayList<>();
        try {
            for (Iterator<LogEntry> it = batch.iterator(); it.hasNext(); ) {
                LogEntry entry = it.next();
                state.writing();
                try {
                    store.write(decisions(List.of(entry)), outcomes(List.of(entry)));
                    state.succeeded(1);
                } catch (RuntimeException | AssertionError e) {
                    if (!DatabaseFailures.permanent(e) || !setAside(entry, e)) {
                        retryLater(e, batch.size());
                        return false;
                    }
                }
                finished.add(entry);
                it.remove();
            }
            return true;
        } finally {
            if (!finished.isEmpty()) {
                done.accept(finished);
            }
        }
    }

    private boolean setAside(LogEntry entry, Throwable refusal) {
        Object record = entry instanceof LogEntry.Decided d ? d.decision()
                : new ContactRecords.OutcomeRecord(((LogEntry.Reported) entry).outcome(),
                ((LogEntry.Reported) entry).offerGroup());
        try {
            deadLetters.add(entry instanceof LogEntry.Decided ? "decision" : "outcome", entry.describe(),
                    DatabaseFailures.sqlState(refusal), refusal.getMessage(), record);
        } catch (RuntimeException e) {
            LOG.errorf("Cannot set aside %s in %s (%s); it stays queued", entry.describe(), deadLetters.path(),
                    e.getMessage());
            return false;
        }
        state.refused(refusal);
        LOG.errorf("The database refused %s for good (%s); set aside in %s, the log goes on", entry.describe(),
                DatabaseFailures.describe(refusal), deadLetters.path());
        return true;
    }

    private void retryLater(Throwable e, int waiting) {
        boolean first = !state.databaseDown();
        state.failedTransiently(e);
        String message = "Writing the decision log failed (%s); %d entries kept in memory and in the journal, "
                + "retrying with back-off";
        if (first) {
            LOG.warnf(message, DatabaseFailures.describe(e), waiting);
        }
        LOG.debugf(e, message, DatabaseFailures.describe(e), waiting);
    }

    private static List<LoggedDecision> decisions(List<LogEntry> entries) {
        List<LoggedDecision> decisions = new ArrayList<>();
        for (LogEntry entry : entries) {
            if (entry instanceof LogEntry.Decided d) {
                decisions.add(d.decision());
            }
        }
        return decisions;
    }

    private static List<RecordedOutcome> outcomes(List<LogEntry> entries) {
        List<RecordedOutcome> outcomes = new ArrayList<>();
        for (LogEntry entry : entries) {
            if (entry instanceof LogEntry.Reported r) {
                outcomes.add(r.outcome());
            }
        }
        return outcomes;
    }
}
