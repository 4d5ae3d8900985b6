package io.nbo.learning.service;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.common.error.Values;
import io.nbo.config.LearningConfig;
import io.nbo.learning.persistence.HistoryStore;
import io.nbo.learning.persistence.LearningStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * History imports: the upload is streamed to a temporary file, then read line by line on one background thread (so an
 * import never competes with decisions for more than one core and one database connection), written in batches
 * ({@link HistoryStore}: COPY on PostgreSQL, duplicates skipped), and finally the imported counts are recomputed and
 * reloaded so decisions learn from it. Jobs live in this node's memory (the newest {@value #KEPT}).
 */
@ApplicationScoped
public class HistoryImports {

    private static final Logger LOG = Logger.getLogger(HistoryImports.class);
    static final int KEPT = 100;
    private static final int WAITING = 20;
    private static final int FIRST_LINE_MAX = 65_536;
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final HistoryStore history;
    private final LearningStore counts;
    private final LearnedState state;
    private final LearningConfig config;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-import");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final Map<String, HistoryImportJob> jobs = new LinkedHashMap<>();

    public HistoryImports(HistoryStore history, LearningStore counts, LearnedState state, LearningConfig config,
                          Clock clock) {
        this.history = history;
        this.counts = counts;
        this.state = state;
        this.config = config;
        this.clock = clock;
    }

    /** Takes the upload (to a temporary file) and queues its import; the job is followed by id. */
    public HistoryImportJob submit(InputStream body, boolean csv, String by) {
        synchronized (jobs) {
            long waiting = jobs.values().stream().filter(j -> j.phase() == HistoryImportJob.Phase.QUEUED).count();
            if (waiting >= WAITING) {
                throw new UnavailableProblem(waiting + " history imports are waiting already; try again when one "
                        + "has finished", 30);
            }
        }
        Path file;
        try {
            byte[] first = firstLine(body);
            checkFirstLine(new String(first, StandardCharsets.UTF_8).strip(), csv);
            file = Files.createTempFile("nbo-history-", csv ? ".csv" : ".jsonl");
            try (var out = Files.newOutputStream(file)) {
                out.write(first);
                body.transferTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the upload for import", e);
        }
        HistoryImportJob job = new HistoryImportJob(csv ? "csv" : "jsonl", by, clock.instant(),
                config.importMaxReportedRejections());
        synchronized (jobs) {
            jobs.put(job.id(), job);
            Iterator<HistoryImportJob> oldest = jobs.values().iterator();
            while (jobs.size() > KEPT && oldest.hasNext()) {
                HistoryImportJob j = oldest.next();
                if (j.phase() == HistoryImportJob.Phase.DONE || j.phase() == HistoryImportJob.Phase.FAILED) {
                    oldest.remove();
                }
            }
        }
        worker.submit(() -> run(job, file, csv));
        return job;
    }

    /** The first line, with its line break, read before anything is queued (a wrong file is refused at once). */
    private static byte[] firstLine(InputStream body) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = body.read(); b != -1; b = body.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
            if (line.size() > FIRST_LINE_MAX) {
                throw new InvalidFieldProblem("body", "the first line is longer than 64 KB: send a CSV export with "
                        + "its header line, or JSON lines");
            }
        }
        return line.toByteArray();
    }

    private void checkFirstLine(String line, boolean csv) {
        if (line.isEmpty()) {
            throw new InvalidFieldProblem("body", "line 1 is empty: send a CSV export starting with its header line "
                    + "(customerId,offerId,channel,occurredAt,outcome,amount), or JSON lines");
        }
        try {
            HistoryLineReader reader = new HistoryLineReader(csv, clock.instant());
            if (csv) {
                reader.header(line);
            } else if (!line.startsWith("{")) {
                throw new HistoryLineReader.Rejected("not a JSON object");
            }
        } catch (HistoryLineReader.Rejected r) {
            throw new InvalidFieldProblem("body", "line 1: " + r.getMessage());
        }
    }

    public HistoryImportJob job(String id) {
        synchronized (jobs) {
            HistoryImportJob job = jobs.get(id);
            if (job == null) {
                throw new NotFoundProblem("No history import " + Values.quote(id) + " on this node; the newest "
                        + KEPT + " are kept");
            }
            return job;
        }
    }

    private void run(HistoryImportJob job, Path file, boolean csv) {
        job.start(clock.instant());
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            HistoryLineReader reader = new HistoryLineReader(csv, clock.instant().plus(SKEW));
            List<HistoryRow> batch = new ArrayList<>(config.importBatch());
            long number = 0;
            boolean headerSeen = !csv;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (!headerSeen) {
                        headerSeen = reader.header(line);
                        continue;
                    }
                    batch.add(reader.read(number, line));
                } catch (HistoryLineReader.Rejected r) {
                    job.reject(number, r.getMessage());
                    if (!headerSeen) {
                        throw new IllegalArgumentException("line 1: " + r.getMessage());
                    }
                }
                if (batch.size() >= config.importBatch()) {
                    job.written(history.write(batch, job.id()), batch.size());
                    batch.clear();
                }
                job.read(number);
            }
            if (!batch.isEmpty()) {
                job.written(history.write(batch, job.id()), batch.size());
            }
            job.read(number);
            job.learning();
            if (!anotherQueued()) {
                // the counts are recomputed over all imported history once the last queued part is in
                counts.recomputeImported(clock.instant());
                state.refresh();
            }
            job.done(clock.instant());
            LOG.infof("History import %s: %d lines, %d imported, %d duplicates, %d rejected", job.id(),
                    job.lines(), job.imported(), job.duplicates(), job.rejectedCount());
        } catch (IOException | RuntimeException e) {
            job.failed(clock.instant(), e instanceof IllegalArgumentException ? e.getMessage()
                    : "the import stopped: " + e.getClass().getSimpleName() + "; rows written before it are kept, "
                    + "and importing the file again skips them");
            LOG.warnf("History import %s failed after %d lines: %s", job.id(), job.lines(), e.toString());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debugf("could not delete %s", file);
            }
        }
    }

    private boolean anotherQueued() {
        synchronized (jobs) {
            return jobs.values().stream().anyMatch(j -> j.phase() == HistoryImportJob.Phase.QUEUED);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
