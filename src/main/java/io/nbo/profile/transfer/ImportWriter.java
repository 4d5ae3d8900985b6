package io.nbo.profile.transfer;

import io.nbo.event.service.SegmentReevaluation;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerUpserts;
import io.nbo.profile.service.ProfileStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes an import's batches: each batch one transaction (all its rows or none); when the database refuses a batch,
 * row by row to find and reject the rows it refuses. The batch's segments are re-evaluated in the same transaction
 * (one set of statements for the whole batch, {@link SegmentReevaluation#inBatch}), so rows, baselines and segments
 * commit together; the cached profiles are dropped after the commit.
 */
@ApplicationScoped
public class ImportWriter {

    static final int BATCH = 1000;

    private final CustomerUpserts upserts;
    private final ProfileStore store;
    private final SegmentReevaluation segments;
    private final Clock clock;

    public ImportWriter(CustomerUpserts upserts, ProfileStore store, SegmentReevaluation segments, Clock clock) {
        this.upserts = upserts;
        this.store = store;
        this.segments = segments;
        this.clock = clock;
    }

    /** Writes a batch in one transaction; when the database refuses it, row by row to find the rows it refuses. */
    void write(ImportJob job, Batch batch) {
        if (batch.profiles.isEmpty()) {
            return;
        }
        long through = batch.lines.get(batch.lines.size() - 1);
        List<CustomerProfile> profiles = withHeldSegments(batch.profiles);
        try {
            CustomerUpserts.Written w = upserts.upsert(profiles, clock.instant(), c -> segments(c, profiles));
            job.committed(through, w.inserted(), w.updated(), w.unchanged());
        } catch (SQLException e) {
            if (transient_(e)) {
                throw new DatabaseDown(job, e);
            }
            for (int i = 0; i < profiles.size(); i++) {
                CustomerProfile p = profiles.get(i);
                try {
                    CustomerUpserts.Written w = upserts.upsert(List.of(p), clock.instant(),
                            c -> segments(c, List.of(p)));
                    job.committed(batch.lines.get(i), w.inserted(), w.updated(), w.unchanged());
                } catch (SQLException row) {
                    if (transient_(row)) {
                        throw new DatabaseDown(job, row);
                    }
                    job.reject(batch.lines.get(i), p.id(), null, "the database refused this row (SQLState "
                            + row.getSQLState() + ")");
                }
            }
        }
        profiles.forEach(p -> store.invalidate(p.id()));
        batch.clear();
    }

    private static boolean transient_(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                || state.startsWith("40");
    }

    /** The batch's segments, on its connection; a refused statement reported as the SQLException it was. */
    private void segments(java.sql.Connection c, List<CustomerProfile> written) throws SQLException {
        try {
            segments.inBatch(c, written);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /**
     * The batch's profiles with the rule-assigned segments their customers hold added to what the file gives: the
     * re-evaluation after the batch decides them, and a file imported again leaves its rows as they are.
     */
    private List<CustomerProfile> withHeldSegments(List<CustomerProfile> profiles) {
        Map<String, List<String>> held = segments.held(SegmentReevaluation.ids(profiles));
        if (held.isEmpty()) {
            return profiles;
        }
        List<CustomerProfile> out = new ArrayList<>(profiles.size());
        for (CustomerProfile p : profiles) {
            List<String> rule = held.get(p.id());
            if (rule == null || p.segments().containsAll(rule)) {
                out.add(p);
            } else {
                Set<String> merged = new TreeSet<>(p.segments());
                merged.addAll(rule);
                out.add(p.withSegments(merged));
            }
        }
        return out;
    }

    /** The rows waiting for their batch, with their lines and ids. */
    static final class Batch {
        final List<CustomerProfile> profiles = new ArrayList<>(BATCH);
        final List<Long> lines = new ArrayList<>(BATCH);
        final Set<String> ids = new HashSet<>(BATCH * 2);

        void clear() {
            profiles.clear();
            lines.clear();
            ids.clear();
        }
    }

    /** The database went away mid-import: the job stops, naming the last committed line. */
    static final class DatabaseDown extends RuntimeException {
        DatabaseDown(ImportJob job, SQLException e) {
            super("the database failed (SQLState " + e.getSQLState() + ") after line " + job.committedThroughLine()
                    + ": lines up to " + job.committedThroughLine() + " are committed, nothing after; re-send the file "
                    + "or its lines after " + job.committedThroughLine() + " (re-importing is idempotent)");
        }
    }
}
