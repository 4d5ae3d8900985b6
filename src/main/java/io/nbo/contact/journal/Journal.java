package io.nbo.contact.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A local write-ahead journal with group commit: what the server acknowledges is on disk first. Callers
 * {@link #append} a record and wait; one writer thread takes every record waiting, writes them together, forces the
 * file to disk once ({@code fdatasync}) and then releases all their callers. Under load many records share one sync,
 * so the cost per record stays small while each answer still waits for its own record's sync.
 *
 * <p>Records go into numbered segment files ({@code journal-00000000000000000001.wal}); a segment is sealed when it
 * grows past the segment size and deleted once every record in it has been {@link #written} to the database. At
 * start-up {@link #open} reads what the last run left (its records are handed out by {@link #recovered}, to be written
 * again, idempotently) and appends go to a new segment, never after a possibly torn tail. Plain Java: no framework.
 */
public final class Journal implements AutoCloseable {

    /** One record: its kind (the caller's), its bytes, and the segment holding it. */
    public record Entry(long segment, byte kind, byte[] payload) {
    }

    private static final Logger LOG = Logger.getLogger(Journal.class);
    private static final int MAX_BATCH = 4096;

    private final Path dir;
    private final Duration commitTimeout;
    private final Segments segments;
    private final BlockingQueue<Append> appends = new LinkedBlockingQueue<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final ActiveSegment file;
    private List<Entry> recovered;
    private volatile boolean running = true;
    private volatile Instant failingSince;
    private volatile String failure;
    private final Thread writer;
    /** Held while open: two processes appending to and deleting each other's segments would lose records. */
    private final FileChannel lock;

    private Journal(Path dir, long segmentBytes, Duration commitTimeout, List<Entry> recovered, long nextSegment,
                    Segments segments, FileChannel lock) {
        this.dir = dir;
        this.lock = lock;
        this.commitTimeout = commitTimeout;
        this.recovered = recovered;
        this.segments = segments;
        this.file = new ActiveSegment(dir, segmentBytes, segments, nextSegment);
        this.writer = new Thread(this::writeLoop, "journal-writer");
        this.writer.setDaemon(true);
    }

    /** Opens the journal in {@code dir} (created if missing), reads what an earlier run left, starts the writer. */
    public static Journal open(Path dir, long segmentBytes, Duration commitTimeout) {
        FileChannel lock = null;
        try {
            Files.createDirectories(dir);
            lock = Segments.lock(dir);
            Segments segments = new Segments(dir);
            List<Entry> recovered = new ArrayList<>();
            long last = 0;
            for (long segment : segments.existing()) {
                int count = JournalFormat.read(segments.path(segment), segment, recovered::add);
                segments.recovered(segment, count);
                last = Math.max(last, segment);
            }
            if (!recovered.isEmpty()) {
                LOG.infof("Journal %s: %d records from an earlier run to write to the database", dir,
                        recovered.size());
            }
            Journal journal = new Journal(dir, segmentBytes, commitTimeout, recovered, last + 1, segments, lock);
            journal.writer.start();
            return journal;
        } catch (IOException e) {
            Segments.release(lock);
            throw new UncheckedIOException("cannot open the journal in " + dir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@link #open}, waiting up to {@code wait} while another process holds the folder's lock (a peer writing what
     * the folder held while its own process was down), then refusing as {@link #open} does.
     */
    public static Journal openWaiting(Path dir, long segmentBytes, Duration commitTimeout, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return open(dir, segmentBytes, commitTimeout);
            } catch (IllegalStateException inUse) {
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw inUse;
                }
            }
        }
    }

    /** The records an earlier run left unwritten, oldest first; handed out once. */
    public synchronized List<Entry> recovered() {
        List<Entry> all = recovered;
        recovered = List.of();
        return all;
    }

    /**
     * Writes the record and returns once it is on disk.
     *
     * @return the segment holding it, to pass to {@link #written} once the record is in the database
     * @throws JournalUnavailable if it could not be written, or not within the commit timeout
     */
    public long append(byte kind, byte[] payload) {
        Append append = new Append(kind, payload);
        if (!running) {
            throw new JournalUnavailable("the journal is closed");
        }
        appends.add(append);
        try {
            return append.done.get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new JournalUnavailable(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new JournalUnavailable("the journal disk did not confirm a write within " + commitTimeout.toMillis()
                    + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalUnavailable("interrupted while waiting for the journal");
        }
    }

    /** Records of the segment that are now in the database; a sealed segment with none left is deleted. */
    public void written(long segment, int count) {
        segments.written(segment, count);
    }

    /** Null while writes succeed; otherwise since when the last write failed. */
    public Instant failingSince() {
        return failingSince;
    }

    /** Why the last write failed (the file system's message), or null. */
    public String failure() {
        return failure;
    }

    public boolean writerAlive() {
        return writer.isAlive() || !running;
    }

    public Path dir() {
        return dir;
    }

    /** Syncs to disk so far, and records they covered (their ratio is the mean group-commit batch). */
    public long commits() {
        return commits.get();
    }

    public long records() {
        return records.get();
    }

    /** Records written to the journal and not yet to the database (this run's and the earlier run's). */
    public long outstanding() {
        return segments.outstanding();
    }

    /** Stops the writer after the records already waiting; deletes the last segment if all of it is written. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.close();
        Segments.release(lock);
        long left = segments.outstanding();
        if (left > 0) {
            LOG.infof("Journal %s keeps %d records not yet in the database; they are written at the next start", dir,
                    left);
        }
    }

    private void writeLoop() {
        List<Append> batch = new ArrayList<>();
        while (running || !appends.isEmpty()) {
            try {
                Append first = appends.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                appends.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                fail(batch, e.toString());
            } finally {
                batch.clear();
            }
        }
        for (Append left; (left = appends.poll()) != null; ) {
            left.done.completeExceptionally(new JournalUnavailable("the journal is closed"));
        }
    }

    private void commit(List<Append> batch) {
        int bytes = 0;
        for (Append a : batch) {
            bytes += JournalFormat.size(a.payload);
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        for (Append a : batch) {
            JournalFormat.put(buffer, a.kind, a.payload);
        }
        buffer.flip();
        long segment;
        try {
            segment = file.write(buffer, batch.size());
        } catch (IOException e) {
            fail(batch, "writing the journal in " + dir.toAbsolutePath() + " failed: " + e.getMessage());
            return;
        }
        commits.incrementAndGet();
        records.addAndGet(batch.size());
        failingSince = null;
        failure = null;
        for (Append a : batch) {
            a.done.complete(segment);
        }
    }

    private void fail(List<Append> batch, String why) {
        if (failingSince == null) {
            failingSince = Instant.now();
            LOG.errorf("Journal write failed; decisions and outcomes are refused until it works again: %s", why);
        }
        failure = why;
        for (Append a : batch) {
            a.done.completeExceptionally(new JournalUnavailable(why));
        }
    }

    private static final class Append {
        final byte kind;
        final byte[] payload;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Append(byte kind, byte[] payload) {
            this.kind = kind;
            this.payload = payload;
        }
    }
}
