package io.nbo.campaign.run;

import io.nbo.campaign.allocation.Assigner;
import io.nbo.campaign.allocation.DualPrices;
import io.nbo.campaign.allocation.Option;
import io.nbo.config.CampaignConfig;
import io.nbo.config.LearningConfig;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.JdbcVolumeLedger;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.learning.LearnedPropensity;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.service.DecisionService;
import io.nbo.experiment.service.ExperimentRegistry;
import io.nbo.learning.service.LearnedState;
import io.nbo.learning.service.LearningFeed;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.service.FallbackOfferService;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.service.RuleEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Decides a page of customers: their contact histories in one read, then each customer through the standard pipeline
 * ({@link CustomerDecider}) and the allocator, split over {@code nbo.campaign.threads} threads. After the page is
 * written, the customers' cached contact histories are dropped (the next real-time decision reads the batch contacts
 * from the log) and learning counts the contacts, as it counts real-time ones.
 */
@ApplicationScoped
public class PageDecider {

    private final DecisionPipeline pipeline;
    private final ContactHistoryStore histories;
    private final LearningFeed learning;
    private final ManagedExecutor executor;
    private final CampaignConfig config;

    public PageDecider(RuleEngine rules, Clock clock, PolicyService policy, ContactHistoryStore histories,
                       JdbcVolumeLedger volumes, FallbackOfferService fallback, ExperimentRegistry experiments,
                       LearnedState learned, LearningConfig learningConfig, LearningFeed learning,
                       ManagedExecutor executor, CampaignConfig config) {
        this.pipeline = DecisionService.pipeline(rules, clock, policy, histories, volumes, fallback, experiments,
                learned, learningConfig);
        this.histories = histories;
        this.learning = learning;
        this.executor = executor;
        this.config = config;
    }

    /** A page decided: each customer's result, and the page's counters. */
    public record Page(List<CustomerResult> results, int reached, double value, double dualTerms) {
    }

    CustomerDecider decider(RunSpec spec, List<Offer> offers, Map<Channel, LocalTime> sendTimes) {
        return new CustomerDecider(spec, pipeline, offers, sendTimes);
    }

    Page decide(CustomerDecider decider, Assigner assigner, List<CustomerProfile> customers, Instant now) {
        if (customers.isEmpty()) {
            return new Page(List.of(), 0, 0, 0);
        }
        Map<String, ContactHistory> known = histories.histories(customers.stream().map(CustomerProfile::id).toList());
        int threads = Math.max(1, Math.min(config.threads(), customers.size() / 50 + 1));
        int chunk = (customers.size() + threads - 1) / threads;
        List<CompletableFuture<List<Decided>>> parts = new ArrayList<>(threads);
        for (int from = 0; from < customers.size(); from += chunk) {
            List<CustomerProfile> part = customers.subList(from, Math.min(customers.size(), from + chunk));
            parts.add(executor.supplyAsync(() -> decideAll(decider, assigner, part, known, now)));
        }
        List<CustomerResult> results = new ArrayList<>(customers.size());
        int reached = 0;
        double value = 0;
        double dual = 0;
        for (CompletableFuture<List<Decided>> part : parts) {
            for (Decided d : part.join()) {
                results.add(d.result());
                if (!d.result().sends().isEmpty()) {
                    reached++;
                }
                value += d.result().sends().stream().mapToDouble(CustomerResult.Send::expectedValue).sum();
                dual += d.dualTerm();
            }
        }
        return new Page(results, reached, value, dual);
    }

    /** The allocator's view of each customer (the first pass, on the sample), split over the same threads. */
    List<io.nbo.campaign.allocation.Customer> options(CustomerDecider decider, List<CustomerProfile> customers) {
        Map<String, ContactHistory> known = histories.histories(customers.stream().map(CustomerProfile::id).toList());
        int threads = Math.max(1, Math.min(config.threads(), customers.size() / 50 + 1));
        int chunk = Math.max(1, (customers.size() + threads - 1) / threads);
        List<CompletableFuture<List<io.nbo.campaign.allocation.Customer>>> parts = new ArrayList<>(threads);
        for (int from = 0; from < customers.size(); from += chunk) {
            List<CustomerProfile> part = customers.subList(from, Math.min(customers.size(), from + chunk));
            parts.add(executor.supplyAsync(() -> part.stream()
                    .map(p -> decider.options(p, known.get(p.id())).customer()).toList()));
        }
        List<io.nbo.campaign.allocation.Customer> out = new ArrayList<>(customers.size());
        parts.forEach(p -> out.addAll(p.join()));
        return out;
    }

    private record Decided(CustomerResult result, double dualTerm) {
    }

    private static List<Decided> decideAll(CustomerDecider decider, Assigner assigner, List<CustomerProfile> part,
                                           Map<String, ContactHistory> known, Instant now) {
        List<Decided> out = new ArrayList<>(part.size());
        for (CustomerProfile profile : part) {
            CustomerDecider.Options options = decider.options(profile, known.get(profile.id()));
            List<Option> assigned = options.customer().options().length == 0 ? List.of()
                    : assigner.assign(options.customer());
            out.add(new Decided(decider.settle(options, assigned, now, Offer::offerGroup),
                    dualTerm(assigner.prices(), options.customer().options(), options.customer().capacity())));
        }
        return out;
    }

    /**
     * The customer's term of the Lagrangian bound: the best {@code capacity} of (value - price)+ among the options.
     * Summed over the audience and added to the prices times the limits, it bounds the best allocation's value.
     */
    static double dualTerm(DualPrices prices, Option[] options, int capacity) {
        double[] reduced = new double[options.length];
        for (int i = 0; i < options.length; i++) {
            reduced[i] = Math.max(0, options[i].value() - prices.price(options[i]));
        }
        Arrays.sort(reduced);
        double sum = 0;
        for (int i = reduced.length - 1, n = 0; i >= 0 && n < capacity; i--, n++) {
            sum += reduced[i];
        }
        return sum;
    }

    /** After the page is written: fresh histories for the customers contacted, and learning counts the contacts. */
    void written(RunSpec spec, Page page, List<CustomerProfile> customers) {
        if (spec.dryRun()) {
            return;
        }
        Map<String, CustomerProfile> byId = new java.util.HashMap<>();
        customers.forEach(c -> byId.put(c.id(), c));
        for (CustomerResult result : page.results()) {
            if (result.decision() == null) {
                continue;
            }
            histories.invalidate(result.customerId());
            String segment = LearnedPropensity.segmentOf(byId.get(result.customerId()));
            for (CustomerResult.Send send : result.sends()) {
                learning.offered(send.offerId(), segment, send.channel().code());
            }
        }
    }
}
