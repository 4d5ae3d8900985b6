package io.nbo.profile.transfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One import as it runs: its phase, lines read, rows accepted (inserted, updated, already as given) and rejected (the
 * first {@value #KEPT_REJECTIONS} with line and reason), the fields left out with unknownFields=warn, and the last
 * line whose row is committed. Written by the import thread, read by requests: readers get a {@link Status} copy.
 */
public final class ImportJob {

    static final int KEPT_REJECTIONS = 1000;

    /** Where an import is. */
    public enum Phase { QUEUED, IMPORTING, DONE, FAILED }

    /** A row not imported: the line it starts on, its id when it has one, the field at fault and why. */
    public record Rejection(long line, String id, String field, String reason) {
    }

    /** What a caller sees of a job. */
    public record Status(String id, String format, String by, Phase phase, long linesRead, long accepted,
                         long inserted, long updated, long unchanged, long rejected, long committedThroughLine,
                         Instant submittedAt, Instant startedAt, Instant finishedAt, String failure,
                         Map<String, Long> unknownFields, List<Rejection> rejections, boolean rejectionsCut) {
    }

    private final String id = UUID.randomUUID().toString();
    private final String format;
    private final String by;
    private final Instant submittedAt;
    private Phase phase = Phase.QUEUED;
    private long linesRead;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;
    private long committedThroughLine;
    private Instant startedAt;
    private Instant finishedAt;
    private String failure;
    private final Map<String, Long> unknownFields = new TreeMap<>();
    private final List<Rejection> rejections = new ArrayList<>();

    ImportJob(String format, String by, Instant submittedAt) {
        this.format = format;
        this.by = by;
        this.submittedAt = submittedAt;
    }

    public String id() {
        return id;
    }

    synchronized void started(Instant at) {
        phase = Phase.IMPORTING;
        startedAt = at;
    }

    synchronized void read(long line) {
        linesRead = Math.max(linesRead, line);
    }

    synchronized void reject(long line, String rowId, String field, String reason) {
        rejected++;
        if (rejections.size() < KEPT_REJECTIONS) {
            rejections.add(new Rejection(line, rowId, field, reason));
        }
    }

    synchronized void unknown(List<String> fields) {
        fields.forEach(f -> unknownFields.merge(f, 1L, Long::sum));
    }

    synchronized void committed(long throughLine, int inserted, int updated, int unchanged) {
        this.inserted += inserted;
        this.updated += updated;
        this.unchanged += unchanged;
        committedThroughLine = throughLine;
    }

    synchronized void finished(Instant at, long lastLine) {
        phase = Phase.DONE;
        finishedAt = at;
        committedThroughLine = Math.max(committedThroughLine, lastLine);
    }

    synchronized void failed(Instant at, String why) {
        phase = Phase.FAILED;
        finishedAt = at;
        failure = why;
    }

    synchronized boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    synchronized Instant finishedAt() {
        return finishedAt;
    }

    synchronized long committedThroughLine() {
        return committedThroughLine;
    }

    public synchronized Status status() {
        List<Rejection> shown = rejections.stream().sorted(java.util.Comparator.comparingLong(Rejection::line))
                .toList();
        return new Status(id, format, by, phase, linesRead, inserted + updated + unchanged, inserted, updated,
                unchanged, rejected, committedThroughLine, submittedAt, startedAt, finishedAt, failure,
                Map.copyOf(unknownFields), shown, rejected > rejections.size());
    }
}
