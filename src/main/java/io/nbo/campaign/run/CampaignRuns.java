package io.nbo.campaign.run;

import io.nbo.campaign.run.persistence.AudienceReader;
import io.nbo.campaign.run.persistence.RunReports;
import io.nbo.campaign.run.persistence.RunRow;
import io.nbo.campaign.run.persistence.RunStore;
import io.nbo.common.error.ConflictProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.persistence.DatabaseFailures;
import io.nbo.config.CampaignConfig;
import io.nbo.contact.service.DecisionLog;
import io.nbo.contact.service.PolicyService;
import io.nbo.offer.service.OfferCatalogue;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Batch campaign runs on this node: starts them (checked by {@link RunChecks}), follows them, cancels and restarts
 * them, and resumes runs nobody holds: a run's lease is renewed while this node runs it, and a run whose lease lapsed
 * (its node died, or the server was restarted mid-run) is taken over by the first node to look, from its checkpoint.
 */
@ApplicationScoped
public class CampaignRuns {

    private static final Logger LOG = Logger.getLogger(CampaignRuns.class);

    private final RunStore store;
    private final RunReports reports;
    private final RunWorker worker;
    private final RunChecks checks;
    private final ManagedExecutor executor;
    private final CampaignConfig config;
    private final Clock clock;
    private final DecisionLog log;
    /** Leases run on the wall clock, whatever clock decisions read (tests fix that one). */
    private final Clock leaseClock = Clock.systemUTC();
    private final String node = "node-" + UUID.randomUUID();
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public CampaignRuns(RunStore store, RunReports reports, RunWorker worker, AudienceReader audience,
                        OfferCatalogue catalogue, PolicyService policies, ManagedExecutor executor,
                        CampaignConfig config, Clock clock, DecisionLog log) {
        this.log = log;
        this.store = store;
        this.reports = reports;
        this.worker = worker;
        this.checks = new RunChecks(audience, catalogue, policies, config, clock);
        this.executor = executor;
        this.config = config;
        this.clock = clock;
    }

    /** Checks the request, stores the run and starts it on this node. */
    public RunRow start(RunRequest request, String requestedBy) {
        RunChecks.Checked checked = checks.check(request, UUID.randomUUID().toString(), requestedBy);
        store.insert(checked.spec(), checked.audienceIds());
        launch(checked.spec().id());
        return run(checked.spec().id());
    }

    public RunRow run(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundProblem("No campaign run with id '" + id
                + "'; quote the id POST /api/campaigns/runs answered"));
    }

    public List<RunReports.Partition> partitions(String id) {
        return reports.partitions(id);
    }

    public List<RunReports.OfferUse> offerUse(String id) {
        return reports.offerUse(id);
    }

    /** Asks the run to stop at its next page; a run that already ended is a conflict. */
    public RunRow cancel(String id) {
        RunRow row = run(id);
        if (!store.requestCancel(id, leaseClock.instant()) && !row.status().running()) {
            throw new ConflictProblem("campaign run " + id + " already ended (" + row.status().code()
                    + "); only a running run can be cancelled");
        }
        return run(id);
    }

    /** Runs a failed or cancelled run again from its checkpoints (nobody it already reached is sent again). */
    public RunRow restart(String id) {
        RunRow row = run(id);
        if (!store.restart(id)) {
            throw new ConflictProblem("campaign run " + id + " is " + row.status().code()
                    + "; only a failed or cancelled run can be restarted");
        }
        launch(id);
        return run(id);
    }

    /** Renews the leases of the runs this node runs, and takes over runs whose lease lapsed. */
    @Scheduled(every = "${nbo.campaign.resume-every:20s}", delayed = "${nbo.campaign.resume-every:20s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resume() {
        // While the decision log knows the database is away, look again later: connection attempts from here would
        // queue before the log's (a run in progress stops at its next page by itself).
        if (stopping || log.state().databaseDown()) {
            return;
        }
        try {
            Instant now = leaseClock.instant();
            for (String id : active) {
                store.heartbeat(id, node, now);
            }
            for (String id : store.orphaned(now.minus(config.lease()))) {
                if (!active.contains(id)) {
                    LOG.infof("Resuming campaign run %s, which no node held", id);
                    launch(id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Looking for campaign runs to resume failed (%s); trying again in %s",
                    DatabaseFailures.describe(e), config.resumeEvery());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void launch(String id) {
        Instant now = leaseClock.instant();
        if (!active.add(id)) {
            return;
        }
        if (!store.take(id, node, now, now.minus(config.lease()))) {
            active.remove(id);
            return;
        }
        executor.runAsync(() -> {
            try {
                worker.run(id, node, RunWorker.Partition.whole());
            } finally {
                active.remove(id);
            }
        });
    }
}
