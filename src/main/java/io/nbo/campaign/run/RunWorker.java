package io.nbo.campaign.run;

import io.nbo.campaign.allocation.Assigner;
import io.nbo.campaign.allocation.Customer;
import io.nbo.campaign.allocation.DualPrices;
import io.nbo.campaign.run.persistence.AudienceReader;
import io.nbo.campaign.run.persistence.ResultWriter;
import io.nbo.campaign.run.persistence.RunReports;
import io.nbo.campaign.run.persistence.RunRow;
import io.nbo.campaign.run.persistence.RunStore;
import io.nbo.config.CampaignConfig;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.JdbcVolumeLedger;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.VolumeLedger;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.CustomerProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Runs one campaign run on this node, phase by phase, from what the database holds (so the same code starts a run
 * and resumes one): the first pass samples the audience and prices the limited offers ({@link DualPrices#solve}), kept
 * with the run; the second streams the audience in pages from its checkpoint, decides each page ({@link PageDecider})
 * and writes it with its checkpoint in one transaction. Between pages it renews its lease and honours a cancel.
 */
@ApplicationScoped
public class RunWorker {

    private static final Logger LOG = Logger.getLogger(RunWorker.class);

    private final RunStore store;
    private final AudienceReader audience;
    private final ResultWriter writer;
    private final RunReports reports;
    private final ContactHistoryStore histories;
    private final JdbcVolumeLedger ledger;
    private final PolicyService policies;
    private final OfferCatalogue catalogue;
    private final CampaignConfig config;
    private final Clock clock;
    private final RunFaults faults;
    private final PageDecider pages;

    public RunWorker(RunStore store, AudienceReader audience, ResultWriter writer, RunReports reports,
                     ContactHistoryStore histories, JdbcVolumeLedger ledger, PolicyService policies,
                     OfferCatalogue catalogue, CampaignConfig config, Clock clock, RunFaults faults,
                     PageDecider pages) {
        this.store = store;
        this.audience = audience;
        this.writer = writer;
        this.reports = reports;
        this.histories = histories;
        this.ledger = ledger;
        this.policies = policies;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
        this.faults = faults;
        this.pages = pages;
    }

    /** Which customers of the audience this node takes, and under which partition key its checkpoint is kept. */
    public record Partition(String key, Predicate<String> takes) {

        public static Partition whole() {
            return new Partition("all", id -> true);
        }
    }

    /** Runs the run to its end (or until cancelled, or until this node loses it); owner = this node's id. */
    public void run(String runId, String owner, Partition partition) {
        RunRow row = store.find(runId).orElseThrow();
        RunSpec spec = row.spec();
        try {
            ContactPolicy policy = policies.current();
            VolumeLedger volumes = spec.dryRun() ? VolumeLedger.preview(ledger) : ledger;
            Map<Channel, LocalTime> times = SendTimes.of(policy, spec.channels(), config.sendTime());
            List<Offer> offers = spec.offers().stream().map(catalogue::find).flatMap(java.util.Optional::stream)
                    .toList();
            CustomerDecider decider = pages.decider(spec, offers, times);
            long total = row.customersTotal() == null ? audience.count(spec) : row.customersTotal();
            RunPricing pricing = row.pricing() != null ? RunPricing.parse(row.pricing())
                    : price(spec, decider, policy, volumes, total);
            store.phase(runId, RunStatus.ASSIGNING, total, null);
            Assigner assigner = new Assigner(pricing.prices(), RunLimits.of(spec.offers(), policy, volumes));
            assign(spec, owner, partition, decider, assigner, policy);
        } catch (RunFaults.SimulatedCrash e) {
            LOG.warnf("Campaign run %s stopped: %s; a node resumes it once its lease lapses", runId, e.getMessage());
        } catch (LostRun e) {
            LOG.infof("Campaign run %s: %s", runId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Campaign run %s failed", runId);
            store.finish(runId, RunStatus.FAILED, "the run stopped: " + e.getClass().getSimpleName()
                    + "; restart it to go on from its checkpoint", Instant.now());
        }
    }

    private RunPricing price(RunSpec spec, CustomerDecider decider, ContactPolicy policy, VolumeLedger volumes,
                             long total) {
        long started = System.nanoTime();
        store.phase(spec.id(), RunStatus.SAMPLING, total, null);
        List<CustomerProfile> sample = audience.sample(spec, total, config.sampleSize());
        List<Customer> customers = pages.options(decider, sample);
        long sampled = System.nanoTime();
        store.phase(spec.id(), RunStatus.PRICING, total, sample.size());
        var limits = RunLimits.of(spec.offers(), policy, volumes);
        DualPrices prices = sample.isEmpty() ? DualPrices.none(limits.size())
                : DualPrices.solve(customers, limits, total / (double) sample.size());
        RunPricing pricing = new RunPricing(limits, prices.volumePrices(), prices.budgetPrices());
        store.pricing(spec.id(), pricing.text());
        LOG.infof("Campaign run %s: sampled %d of %d customers in %d ms, priced in %d ms", spec.id(), sample.size(),
                total, (sampled - started) / 1_000_000, (System.nanoTime() - sampled) / 1_000_000);
        return pricing;
    }

    private void assign(RunSpec spec, String owner, Partition partition, CustomerDecider decider, Assigner assigner,
                        ContactPolicy policy) {
        long started = System.nanoTime();
        String runId = spec.id();
        writer.ensurePartition(runId, partition.key(), clock.instant());
        String after = reports.partitions(runId).stream().filter(p -> p.key().equals(partition.key())).findFirst()
                .map(RunReports.Partition::lastCustomerId).orElse(null);
        int written = 0;
        while (true) {
            if (!store.heartbeat(runId, owner, Instant.now())) {
                throw new LostRun("another node holds it now, or it ended");
            }
            if (store.find(runId).orElseThrow().cancelRequested()) {
                store.finish(runId, RunStatus.CANCELLED, null, Instant.now());
                LOG.infof("Campaign run %s cancelled after %d pages", runId, written);
                return;
            }
            List<CustomerProfile> page = audience.page(spec, after, config.pageSize());
            if (page.isEmpty()) {
                break;
            }
            String last = page.get(page.size() - 1).id();
            List<CustomerProfile> mine = page.stream().filter(p -> partition.takes().test(p.id())).toList();
            Set<String> done = mine.isEmpty() ? Set.of() : reports.reached(runId, mine.get(0).id(), last);
            List<CustomerProfile> todo = mine.stream().filter(p -> !done.contains(p.id())).toList();
            PageDecider.Page decided = pages.decide(decider, assigner, todo, clock.instant());
            try {
                writer.write(runId, decided.results(), new ResultWriter.Progress(partition.key(), last, page.size(),
                        decided.reached(), decided.value(), decided.dualTerms()), clock.instant());
            } catch (RuntimeException e) {
                if (!spec.dryRun()) {
                    giveBack(decided, policy);
                }
                throw e;
            }
            pages.written(spec, decided, todo);
            after = last;
            faults.pageWritten(++written);
        }
        store.finish(runId, RunStatus.DONE, null, Instant.now());
        LOG.infof("Campaign run %s: assigned %d pages in %d ms", runId, written,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A page not written gives back the stock its customers claimed. */
    private void giveBack(PageDecider.Page decided, ContactPolicy policy) {
        for (CustomerResult result : decided.results()) {
            for (CustomerResult.Send send : result.sends()) {
                for (PolicyRule rule : policy.rules(PolicyRule.Kind.VOLUME)) {
                    if (rule.offer().applies(send.offerId())) {
                        ledger.release(rule, rule.cost());
                    }
                }
            }
        }
    }

    /** This node no longer holds the run. */
    static final class LostRun extends RuntimeException {
        LostRun(String message) {
            super(message);
        }
    }
}
