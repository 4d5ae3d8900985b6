package io.nbo.learning.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One history import, followed by its caller: phase, lines read, rows imported, duplicates skipped, and each rejected
 * line with its number and reason (the first {@code maxReported}; all are counted). Written by the import thread,
 * read by requests.
 */
public final class HistoryImportJob {

    public enum Phase { QUEUED, RUNNING, LEARNING, DONE, FAILED }

    /** A line that was not imported. */
    public record RejectedLine(long line, String reason) {
    }

    private final String id = UUID.randomUUID().toString();
    private final String format;
    private final String by;
    private final Instant submittedAt;
    private final int maxReported;
    private volatile Phase phase = Phase.QUEUED;
    private volatile long lines;
    private volatile long imported;
    private volatile long duplicates;
    private volatile long rejectedCount;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String failure;
    private final List<RejectedLine> rejected = new ArrayList<>();

    HistoryImportJob(String format, String by, Instant submittedAt, int maxReported) {
        this.format = format;
        this.by = by;
        this.submittedAt = submittedAt;
        this.maxReported = maxReported;
    }

    void start(Instant at) {
        startedAt = at;
        phase = Phase.RUNNING;
    }

    void read(long line) {
        lines = line;
    }

    synchronized void reject(long line, String reason) {
        rejectedCount++;
        if (rejected.size() < maxReported) {
            rejected.add(new RejectedLine(line, reason));
        }
    }

    void written(int added, int batch) {
        imported += added;
        duplicates += batch - added;
    }

    void learning() {
        phase = Phase.LEARNING;
    }

    void done(Instant at) {
        finishedAt = at;
        phase = Phase.DONE;
    }

    void failed(Instant at, String why) {
        finishedAt = at;
        failure = why;
        phase = Phase.FAILED;
    }

    public String id() {
        return id;
    }

    public String format() {
        return format;
    }

    public String by() {
        return by;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Phase phase() {
        return phase;
    }

    public long lines() {
        return lines;
    }

    public long imported() {
        return imported;
    }

    public long duplicates() {
        return duplicates;
    }

    public long rejectedCount() {
        return rejectedCount;
    }

    public synchronized List<RejectedLine> rejected() {
        return List.copyOf(rejected);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String failure() {
        return failure;
    }
}
