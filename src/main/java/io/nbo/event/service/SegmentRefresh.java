package io.nbo.event.service;

import io.nbo.event.persistence.SegmentRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Time changes segment conditions without any write ("bought within 30 days", tenure from a date attribute): once a
 * night, after the aggregate refresh has moved recency on, every customer's segments are re-evaluated, a page of
 * {@value SegmentReevaluation#CHUNK} at a time, each page its own short transaction, in the background. Decisions
 * read cached profiles and are never held up by it; only a customer changed by a page has their cache entry dropped.
 * Running it twice changes nothing the second time.
 */
@ApplicationScoped
public class SegmentRefresh {

    private static final Logger LOG = Logger.getLogger(SegmentRefresh.class);

    private final SegmentRepository memberships;
    private final SegmentReevaluation reevaluation;

    public SegmentRefresh(SegmentRepository memberships, SegmentReevaluation reevaluation) {
        this.memberships = memberships;
        this.reevaluation = reevaluation;
    }

    @Scheduled(cron = "${nbo.events.segment-refresh-cron:0 17 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        Result r = refreshAll();
        LOG.infof("segment refresh: %d customers evaluated, %d changed", r.evaluated(), r.changed());
    }

    /** What one run did. */
    public record Result(int evaluated, int changed) {
    }

    /** Re-evaluates every customer's segments, page by page. */
    public Result refreshAll() {
        int evaluated = 0;
        int changed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> page = QuarkusTransaction.requiringNew().call(() -> memberships.customersAfter(from,
                    SegmentReevaluation.CHUNK));
            if (page.isEmpty()) {
                return new Result(evaluated, changed);
            }
            changed += reevaluation.reevaluate(page);
            evaluated += page.size();
            after = page.get(page.size() - 1);
        }
    }
}
