package io.nbo.contact.service;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.NboConfig;
import io.nbo.contact.LoggedDecision;
import io.nbo.contact.persistence.DecisionLogRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Logs every decision off the hot path: the request thread only puts the decision on a bounded queue; one writer
 * thread drains it in batches into the database. Nothing acknowledged is lost: a decision reserves its place in the
 * queue before it is made ({@link #reserve()}); when the queue is full (the database is down or slow) the request
 * waits briefly and is then refused with 503 before anything is decided or any stock is taken, rather than answered
 * and dropped. A batch that fails to write stays in memory and is retried until it is written; shutdown drains the
 * queue. Decisions not
 * yet written are readable through {@link #pending(String)}, so outcomes and histories never miss them.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);

    private final DecisionLogRepository repository;
    private final NboConfig.Contact config;
    private final BlockingQueue<LoggedDecision> queue;
    private final Semaphore places;
    private final ConcurrentHashMap<String, LoggedDecision> unwritten = new ConcurrentHashMap<>();
    private final Object written = new Object();
    private volatile boolean running;
    private Thread writer;

    public DecisionLog(DecisionLogRepository repository, NboConfig config) {
        this.repository = repository;
        this.config = config.contact();
        this.queue = new ArrayBlockingQueue<>(this.config.logQueueCapacity());
        this.places = new Semaphore(this.config.logQueueCapacity());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::drainLoop, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(30_000);
        }
        if (!unwritten.isEmpty()) {
            LOG.errorf("%d decisions could not be written before shutdown", unwritten.size());
        }
    }

    /**
     * Reserves a place in the queue for a decision about to be made; refuses with 503 if none frees up in time. The
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
        throw new UnavailableProblem("the decision log is full (" + queue.size() + " decisions waiting to be "
                + "written); try again shortly", 1);
    }

    /** Gives back a reserved place whose decision was not made. */
    public void cancel() {
        places.release();
    }

    /** Queues a decision for writing, in the place reserved for it (never blocks, never refuses). */
    public void record(LoggedDecision decision) {
        unwritten.put(decision.id(), decision);
        if (!queue.offer(decision)) {
            throw new IllegalStateException("decision log queue over its reserved capacity");
        }
    }

    /** A decision still waiting to be written, if it is one. */
    public Optional<LoggedDecision> pending(String id) {
        return Optional.ofNullable(unwritten.get(id));
    }

    /** Every decision of the customer still waiting to be written. */
    public List<LoggedDecision> pendingFor(String customerId) {
        return unwritten.values().stream().filter(d -> d.customerId().equals(customerId)).toList();
    }

    /** Decisions waiting to be written. */
    public int backlog() {
        return unwritten.size();
    }

    /** Waits until the decision has been written (or the timeout passes); true if it is written. */
    public boolean awaitWritten(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (written) {
            while (unwritten.containsKey(id)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(written, left);
            }
        }
        return true;
    }

    private void drainLoop() {
        List<LoggedDecision> batch = new ArrayList<>(config.logBatchSize());
        long backoffMs = 100;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    LoggedDecision first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, config.logBatchSize() - 1);
                }
                repository.insertAll(batch);
                batch.forEach(d -> unwritten.remove(d.id()));
                places.release(batch.size());
                batch.clear();
                backoffMs = 100;
                synchronized (written) {
                    written.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Writing %d decisions failed, keeping them and retrying in %d ms: %s", batch.size(),
                        backoffMs, e.getMessage());
                if (!pause(backoffMs)) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    private static boolean pause(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
