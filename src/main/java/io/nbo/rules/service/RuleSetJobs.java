package io.nbo.rules.service;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.rules.validate.DraftProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Long checks a caller follows instead of waiting for: an upload or dry run too big to answer within a request (or
 * asked for with {@code Prefer: respond-async}) becomes a job with a phase, rows checked out of all, and in the end a
 * result or the failure. Jobs live in this node's memory: the last {@value #KEPT} are kept, and finished ones for
 * {@code KEEP_FINISHED}; the activation log in the database is the lasting record of what went live.
 */
@ApplicationScoped
public class RuleSetJobs {

    private static final Logger LOG = Logger.getLogger(RuleSetJobs.class);
    static final int KEPT = 200;
    static final int WAITING = 20;
    private static final Duration KEEP_FINISHED = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public RuleSetJobs(Clock clock) {
        this.clock = clock;
    }

    /** What a job is for. */
    public enum Kind { UPLOAD, VALIDATE }

    /** One job; it is its own progress report. Fields are written by the change thread and read by requests. */
    public final class Job implements DraftProgress {
        private final String id = UUID.randomUUID().toString();
        private final Kind kind;
        private final String file;
        private final String by;
        private final Instant submittedAt;
        private volatile Phase phase = Phase.QUEUED;
        private volatile long rowsDone;
        private volatile long rowsTotal;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile Object result;
        private volatile RuntimeException failure;

        private Job(Kind kind, String file, String by, long rows) {
            this.kind = kind;
            this.file = file;
            this.by = by;
            this.rowsTotal = rows;
            this.submittedAt = clock.instant();
        }

        @Override
        public void phase(Phase next) {
            if (startedAt == null) {
                startedAt = clock.instant();
            }
            phase = next;
        }

        @Override
        public void rows(long done, long total) {
            rowsDone = done;
            rowsTotal = total;
        }

        /** Runs the work on the calling thread and records its result or failure (which is not thrown on). */
        void run(Callable<?> work) {
            try {
                result = work.call();
                phase = Phase.DONE;
            } catch (RuntimeException e) {
                failure = e;
                phase = Phase.FAILED;
            } catch (Exception e) {
                failure = new IllegalStateException(e);
                phase = Phase.FAILED;
            } catch (Error e) {
                failure = new IllegalStateException("the check ran out of resources: " + e.getClass().getSimpleName());
                phase = Phase.FAILED;
                LOG.errorf(e, "Rule-set job %s for %s failed", id, file);
            } finally {
                finishedAt = clock.instant();
            }
        }

        public String id() { return id; }

        public Kind kind() { return kind; }

        public String file() { return file; }

        public String by() { return by; }

        public Phase phase() { return phase; }

        public long rowsDone() { return rowsDone; }

        public long rowsTotal() { return rowsTotal; }

        public Instant submittedAt() { return submittedAt; }

        public Instant startedAt() { return startedAt; }

        public Instant finishedAt() { return finishedAt; }

        /** The ActivationResult (upload) or DraftReport (dry run), once done. */
        public Object result() { return result; }

        /** Why it failed (a rejection, a forbidden header change, ...), once failed. */
        public RuntimeException failure() { return failure; }
    }

    /** A new queued job; refused (503) while {@value #WAITING} jobs are still queued or running. */
    synchronized Job create(Kind kind, String file, Actor actor, long rows) {
        forgetOld();
        if (jobs.values().stream().filter(j -> j.finishedAt() == null).count() >= WAITING) {
            throw new UnavailableProblem(WAITING + " rule-set checks are already queued or running; try again when "
                    + "one has finished (GET /api/rulesets/jobs/{id} follows them)", 30);
        }
        Job job = new Job(kind, file, actor.name(), rows);
        jobs.put(job.id(), job);
        return job;
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(KEEP_FINISHED);
        Iterator<Job> it = jobs.values().iterator();
        while (it.hasNext()) {
            Job job = it.next();
            if (jobs.size() >= KEPT || job.finishedAt() != null && job.finishedAt().isBefore(horizon)) {
                if (job.finishedAt() != null) {
                    it.remove();
                }
            }
        }
    }
}
