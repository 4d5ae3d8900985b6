package io.nbo.contact.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.JournalConfig;
import io.nbo.config.NboConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.RecordedOutcome;
import io.nbo.contact.journal.ContactRecords;
import io.nbo.contact.journal.DeadLetterFile;
import io.nbo.contact.journal.Journal;
import io.nbo.contact.journal.JournalUnavailable;
import io.nbo.contact.persistence.LogStore;
import io.nbo.decision.core.policy.ContactEvent;
import io.quarkiverse.infinispan.embedded.Embedded;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.infinispan.Cache;

/**
 * The decision log and the outcomes reported for it, written ahead and then to the database. Nothing acknowledged is
 * lost:
 *
 * <ol>
 *   <li>a decision reserves its place in the log before it is made ({@link #reserve()}); when the log is full (the
 *       database has been away long enough) it is refused with 503 before anything is decided or any stock taken;</li>
 *   <li>{@link #record} and {@link #recordOutcome} return only once the entry is in the local {@link Journal} on disk
 *       (group commit), so a kill -9 right after the answer loses nothing: the next start writes what the journal
 *       holds, idempotently;</li>
 *   <li>the {@link LogWriter} writes entries to the database in batches off the request thread, retrying transient
 *       failures with back-off and setting aside records the database refuses for good (dead letters).</li>
 * </ol>
 *
 * Entries not yet written are readable ({@link #find}, {@link #pendingEvents}), so outcomes and contact histories
 * never miss them; recent decisions stay readable from the {@code recent-decisions} cache after they are written, so
 * outcomes for them are taken while the database is away.
 */
@ApplicationScoped
public class DecisionLog {

    private final Journal journal;
    private final DeadLetterFile deadLetters;
    private final Map<String, LoggedDecision> recent;
    private final NboConfig.Contact config;
    private final Duration commitTimeout;
    private final BlockingQueue<LogEntry> queue = new LinkedBlockingQueue<>();
    private final Semaphore places;
    /** Entries recovered from the journal beyond the capacity: paid back before any place is given back. */
    private final AtomicInteger overdraft = new AtomicInteger();
    private final PendingLog pending = new PendingLog();
    private final LogState state = new LogState(Clock.systemUTC());
    private final Object written = new Object();
    private final LogWriter writer;

    @Inject
    public DecisionLog(LogStore store, NboConfig config, JournalConfig journal,
                       @Embedded("recent-decisions") Cache<String, LoggedDecision> recent, MeterRegistry meters) {
        // A peer may hold the lock for a moment, writing what the journal held while this node was down (PeerJournals).
        this(store, Journal.openWaiting(Path.of(journal.dir()), journal.segmentBytes(), journal.commitTimeout(),
                        Duration.ofSeconds(15)),
                new DeadLetterFile(Path.of(journal.dir()).resolve("dead-letters.jsonl")), recent, config.contact(),
                journal.commitTimeout(), meters);
    }

    DecisionLog(LogStore store, Journal journal, DeadLetterFile deadLetters, Map<String, LoggedDecision> recent,
                NboConfig.Contact config, Duration commitTimeout, MeterRegistry meters) {
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.recent = recent;
        this.config = config;
        this.commitTimeout = commitTimeout;
        this.places = new Semaphore(config.logQueueCapacity());
        this.writer = new LogWriter(queue, store, config.logBatchSize(), state, deadLetters, this::written);
        recover();
        LogMetrics.register(meters, pending, state, journal);
    }

    void start(@Observes StartupEvent event) {
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        writer.stop(Duration.ofSeconds(30));
        journal.close();
    }

    /**
     * Reserves a place in the log for a decision about to be made; refuses with 503 if none frees up in time. The
     * caller must then {@link #record} the decision, or {@link #cancel} the place if the decision failed.
     */
    public void reserve() {
        try {
            if (places.tryAcquire(config.logEnqueueTimeoutMs(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new UnavailableProblem("the decision log is full (" + pending.size() + " decisions and outcomes waiting "
                + "to be written); try again shortly", 1);
    }

    /** Gives back a reserved place whose decision was not made. */
    public void cancel() {
        places.release();
    }

    /**
     * Records a decision in its reserved place: returns once it is in the journal on disk. If the journal cannot be
     * written, the place is given back and the caller gets 503: the decision was not recorded and must not be answered.
     */
    public void record(LoggedDecision decision) {
        long segment;
        try {
            segment = journal.append(ContactRecords.DECISION, ContactRecords.decision(decision));
        } catch (JournalUnavailable e) {
            cancel();
            throw notDurable();
        }
        LogEntry entry = new LogEntry.Decided(decision, segment);
        pending.add(entry);
        recent.put(decision.id(), decision);
        queue.add(entry);
    }

    /**
     * Records an outcome: returns it once it is in the journal, or, if the same outcome is already waiting to be
     * written, that one ({@code created} false).
     */
    public RecordedOutcome recordOutcome(RecordedOutcome outcome, String offerGroup) {
        Optional<PendingLog.Claim> earlier = pending.claim(outcome);
        if (earlier.isPresent()) {
            return repeat(earlier.get());
        }
        try {
            reserve();
        } catch (UnavailableProblem e) {
            pending.unclaim(outcome);
            throw e;
        }
        long segment;
        try {
            segment = journal.append(ContactRecords.OUTCOME, ContactRecords.outcome(outcome, offerGroup));
        } catch (JournalUnavailable e) {
            pending.unclaim(outcome);
            cancel();
            throw notDurable();
        }
        LogEntry.Reported entry = new LogEntry.Reported(outcome, offerGroup, segment);
        pending.claimed(entry);
        queue.add(entry);
        return outcome;
    }

    /** The same outcome (decision, offer, type) if it is waiting to be written; {@code created} false. */
    public Optional<RecordedOutcome> pendingOutcome(RecordedOutcome like) {
        return pending.outcome(like).map(this::repeat);
    }

    /** A decision still waiting to be written, if it is one. */
    public Optional<LoggedDecision> pending(String id) {
        return pending.decision(id);
    }

    /** A decision waiting to be written or made recently (the {@code recent-decisions} cache): no database read. */
    public Optional<LoggedDecision> find(String id) {
        return pending.decision(id).or(() -> Optional.ofNullable(recent.get(id)));
    }

    /** What the decisions and outcomes of the customer still waiting to be written add to their contact history. */
    public List<ContactEvent> pendingEvents(String customerId) {
        return pending.events(customerId);
    }

    /** The customer's decisions still waiting to be written (erasure writes them first, then pseudonymises). */
    public List<LoggedDecision> pendingFor(String customerId) {
        return pending.decisions(customerId);
    }

    /** Decisions and outcomes waiting to be written. */
    public int backlog() {
        return pending.size();
    }

    /** Waits until the decision has been written (or the timeout passes); true if it is written. */
    public boolean awaitWritten(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (written) {
            while (pending.holds(id)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(written, left);
            }
        }
        return true;
    }

    /** What the writer last saw of the database. */
    public LogState state() {
        return state;
    }

    public Journal journal() {
        return journal;
    }

    public DeadLetterFile deadLetters() {
        return deadLetters;
    }

    public int capacity() {
        return config.logQueueCapacity();
    }

    /** False when the writer thread died (the log is no longer written: restart the server). */
    public boolean writerAlive() {
        return writer.alive() && journal.writerAlive();
    }

    private RecordedOutcome repeat(PendingLog.Claim claim) {
        try {
            if (Boolean.TRUE.equals(claim.durable().get(commitTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS))) {
                RecordedOutcome o = claim.outcome();
                return new RecordedOutcome(o.decisionId(), o.offerId(), o.customerId(), o.channel(), o.outcome(),
                        o.occurredAt(), o.recordedAt(), o.amount(), false);
            }
        } catch (ExecutionException | TimeoutException e) {
            // fall through: the first report of this outcome was not recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw notDurable();
    }

    private static UnavailableProblem notDurable() {
        return new UnavailableProblem("the server cannot write its journal now (disk full or failing), so nothing "
                + "was recorded; try again shortly or on another server", 5);
    }

    private void recover() {
        for (Journal.Entry e : journal.recovered()) {
            LogEntry entry;
            try {
                entry = e.kind() == ContactRecords.DECISION
                        ? new LogEntry.Decided(ContactRecords.readDecision(e.payload()), e.segment())
                        : outcomeEntry(e);
            } catch (RuntimeException unreadable) {
                deadLetters.add("unreadable", "journal record of kind " + (char) e.kind(), null,
                        unreadable.getMessage(), Base64.getEncoder().encodeToString(e.payload()));
                journal.written(e.segment(), 1);
                continue;
            }
            pending.add(entry);
            if (entry instanceof LogEntry.Decided d) {
                recent.put(d.decision().id(), d.decision());
            }
            if (!places.tryAcquire()) {
                overdraft.incrementAndGet();
            }
            queue.add(entry);
        }
    }

    private static LogEntry outcomeEntry(Journal.Entry e) {
        ContactRecords.OutcomeRecord record = ContactRecords.readOutcome(e.payload());
        return new LogEntry.Reported(record.outcome(), record.offerGroup(), e.segment());
    }

    /** The writer's callback: these entries are in the database (or set aside). */
    private void written(List<LogEntry> entries) {
        Map<Long, Integer> bySegment = new HashMap<>();
        for (LogEntry entry : entries) {
            pending.remove(entry);
            bySegment.merge(entry.segment(), 1, Integer::sum);
        }
        bySegment.forEach(journal::written);
        int free = entries.size();
        for (int owed = overdraft.get(); owed > 0 && free > 0; owed = overdraft.get()) {
            if (overdraft.compareAndSet(owed, owed - 1)) {
                free--;
            }
        }
        places.release(free);
        synchronized (written) {
            written.notifyAll();
        }
    }
}
