package io.nbo.profile.transfer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.fields.CustomerFields;
import io.nbo.profile.persistence.CustomerUpserts;
import io.nbo.profile.service.AttributeService;
import io.nbo.profile.service.ProfileStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Bulk imports of customers from CSV or JSON lines, as jobs the caller follows. The upload is spooled to a temporary
 * file as it arrives (never held in memory), then read one record at a time on the import thread. Each row is checked
 * on its own (a bad row is rejected with its line and reason, the good ones are kept) and written in batches of
 * {@code nbo.customers.import-batch} rows (1000), each batch one transaction: a row is all or nothing, and the job always knows the last line
 * whose row is committed. If the database fails mid-way the job stops, FAILED, naming that line: re-sending the file
 * (or the lines after it) is safe because every row is an idempotent upsert. Cached profiles of written rows are
 * dropped after their batch commits.
 */
@ApplicationScoped
public class CustomerImports {

    private static final Logger LOG = Logger.getLogger(CustomerImports.class);
    private static final int KEPT = 50;
    private static final Duration KEEP_FINISHED = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The file formats an import reads. */
    public enum Format { CSV, JSONL }

    private final int batchSize;
    private final ImportWriter writer;
    private final AttributeService attributes;
    private final Clock clock;
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "customer-import");
        t.setDaemon(true);
        return t;
    });

    public CustomerImports(ImportWriter writer, AttributeService attributes, Clock clock,
                           io.nbo.config.CustomerDataConfig config) {
        // PostgreSQL: 32767 parameters in one statement
        this.batchSize = Math.max(1, Math.min(ImportWriter.BATCH, config.importBatch()));
        this.writer = writer;
        this.attributes = attributes;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /**
     * Spools the upload and queues its import; a CSV file's header is checked first (400 naming unknown columns,
     * unless {@code unknown} is WARN).
     *
     * @param maxBytes the largest upload taken
     */
    public ImportJob submit(InputStream body, Format format, CustomerFields.Unknown unknown, String by,
                            long maxBytes) {
        Path file = ImportUpload.spool(body, maxBytes);
        try {
            CustomerFields fields = new CustomerFields(attributes.current(), unknown);
            if (format == Format.CSV) {
                ImportUpload.checkHeader(file, fields, unknown);
            }
            ImportJob job = new ImportJob(format.name().toLowerCase(), by, clock.instant());
            synchronized (jobs) {
                forgetOld();
                jobs.put(job.id(), job);
            }
            thread.submit(() -> run(job, file, format, fields));
            return job;
        } catch (RuntimeException e) {
            ImportUpload.delete(file);
            throw e;
        }
    }

    public ImportJob.Status status(String id) {
        synchronized (jobs) {
            ImportJob job = jobs.get(id);
            if (job == null) {
                throw new NotFoundProblem("No import job " + Values.quote(id) + " on this node; finished jobs are "
                        + "kept for 24 hours");
            }
            return job.status();
        }
    }

    /** The recent jobs, newest first, without their rejected rows. */
    public List<ImportJob.Status> recent() {
        synchronized (jobs) {
            List<ImportJob.Status> out = new ArrayList<>();
            jobs.values().forEach(j -> out.add(0, j.status()));
            return out;
        }
    }

    private void run(ImportJob job, Path file, Format format, CustomerFields fields) {
        job.started(clock.instant());
        try (BufferedReader in = ImportUpload.utf8(file)) {
            RecordReader reader = new RecordReader(in, format == Format.CSV);
            List<String> header = null;
            if (format == Format.CSV) {
                header = reader.next().values().stream().map(String::strip).toList();
            }
            ImportWriter.Batch batch = new ImportWriter.Batch();
            long lastLine = 1;
            RecordReader.Record record;
            while ((record = reader.next()) != null) {
                lastLine = record.line();
                job.read(record.line());
                Map<String, ?> row = row(job, record, header);
                if (row == null) {
                    continue;
                }
                CustomerFields.Read read;
                try {
                    read = fields.read(row, null);
                } catch (io.nbo.common.error.InvalidFieldProblem e) {
                    job.reject(record.line(), id(row), e.field(), e.getMessage());
                    continue;
                }
                if (!read.unknownFields().isEmpty()) {
                    job.unknown(read.unknownFields());
                }
                if (!batch.ids.add(read.profile().id())) {
                    writer.write(job, batch);
                    batch.ids.add(read.profile().id());
                }
                batch.profiles.add(read.profile());
                batch.lines.add(record.line());
                if (batch.profiles.size() >= batchSize) {
                    writer.write(job, batch);
                }
            }
            writer.write(job, batch);
            job.finished(clock.instant(), lastLine);
        } catch (ImportWriter.DatabaseDown e) {
            job.failed(clock.instant(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("customer import %s failed: %s", job.id(), e.getClass().getSimpleName());
            job.failed(clock.instant(), "the import stopped unexpectedly after line " + job.committedThroughLine()
                    + "; lines up to " + job.committedThroughLine() + " are committed, nothing after; re-send the "
                    + "file (re-importing is idempotent)");
        } finally {
            ImportUpload.delete(file);
        }
    }

    private static Map<String, ?> row(ImportJob job, RecordReader.Record record, List<String> header) {
        if (record.problem() != null) {
            job.reject(record.line(), null, null, record.problem());
            return null;
        }
        if ((record.text() != null ? record.text() : String.join(",", record.values())).indexOf('\uFFFD') >= 0) {
            job.reject(record.line(), null, null, "the line is not UTF-8 text; save the file as UTF-8");
            return null;
        }
        if (header != null) {
            if (record.values().size() != header.size()) {
                job.reject(record.line(), null, null, "the row has " + record.values().size() + " values, the "
                        + "header " + header.size() + " columns");
                return null;
            }
            return CustomerFields.row(header, record.values().stream().map(CsvCells::restore).toList());
        }
        try {
            Object value = JSON.readValue(record.text(), Object.class);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields = (Map<String, ?>) map;
                return fields;
            }
            job.reject(record.line(), null, null, "the line is not a JSON object; each line holds one customer "
                    + "such as {\"id\": \"C1\", \"age\": 34}");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            job.reject(record.line(), null, null, "the line is not valid JSON: " + Values.clip(e.getOriginalMessage(),
                    120));
        } catch (IOException e) {
            job.reject(record.line(), null, null, "the line is not valid JSON");
        }
        return null;
    }

    private static String id(Map<String, ?> row) {
        Object id = row.get("id");
        return id instanceof String s && !s.isEmpty() ? Values.clip(s, 64) : null;
    }

    private void forgetOld() {
        Iterator<ImportJob> it = jobs.values().iterator();
        while (it.hasNext()) {
            ImportJob job = it.next();
            boolean expired = job.finished() && job.finishedAt().plus(KEEP_FINISHED).isBefore(clock.instant());
            if (expired || jobs.size() >= KEPT && job.finished()) {
                it.remove();
            }
        }
    }


}
