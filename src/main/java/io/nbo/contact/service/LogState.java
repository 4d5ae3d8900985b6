package io.nbo.contact.service;

import io.nbo.common.persistence.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the log writer last saw of the database, for health checks, metrics and the outcome path (which does not ask a
 * database known to be unreachable). Descriptions carry SQLSTATEs only, never values.
 */
public final class LogState {

    private final Clock clock;
    private volatile Instant failingSince;
    private volatile String lastFailure;
    private volatile Instant batchStartedAt;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong transientFailures = new AtomicLong();
    private final AtomicLong permanentFailures = new AtomicLong();

    LogState(Clock clock) {
        this.clock = clock;
    }

    void writing() {
        batchStartedAt = clock.instant();
    }

    void succeeded(int entries) {
        batchStartedAt = null;
        failingSince = null;
        lastFailure = null;
        written.addAndGet(entries);
    }

    void failedTransiently(Throwable failure) {
        batchStartedAt = null;
        transientFailures.incrementAndGet();
        lastFailure = DatabaseFailures.describe(failure);
        if (failingSince == null) {
            failingSince = clock.instant();
        }
    }

    void refused(Throwable failure) {
        permanentFailures.incrementAndGet();
        lastFailure = DatabaseFailures.describe(failure);
    }

    /** True while the last write attempt failed for a transient reason (the database unreachable or failing). */
    public boolean databaseDown() {
        return failingSince != null;
    }

    /** Since when writes have been failing, or null. */
    public Instant failingSince() {
        return failingSince;
    }

    /** The SQLSTATE class of the last failure, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** How long the batch being written has been waiting on the database (zero when none is). */
    public Duration waitingOnDatabase() {
        Instant started = batchStartedAt;
        return started == null ? Duration.ZERO : Duration.between(started, clock.instant());
    }

    public long written() {
        return written.get();
    }

    public long transientFailures() {
        return transientFailures.get();
    }

    public long permanentFailures() {
        return permanentFailures.get();
    }
}
