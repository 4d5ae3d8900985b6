package io.nbo.decision.service;

import io.nbo.contact.LoggedDecision;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.contact.service.CustomerLeases;
import io.nbo.contact.service.DecisionLog;
import io.nbo.contact.service.JdbcVolumeLedger;
import io.nbo.contact.service.PolicyService;
import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.decision.core.learning.LearnedPropensity;
import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.config.LearningConfig;
import io.nbo.experiment.service.ExperimentRegistry;
import io.nbo.learning.service.LearnedState;
import io.nbo.learning.service.LearningFeed;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.service.FallbackOfferService;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.service.ProfileStore;
import io.nbo.rules.service.RuleEngine;
import io.quarkiverse.infinispan.embedded.Embedded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.infinispan.Cache;

/**
 * Runs the standard decision pipeline ({@link DecisionPipeline#standard}) over the live catalogue, the profile cache,
 * the rule engine, the contact policy, the contact history and the volume ledger; logs each decision, with the
 * rule-set and policy versions it applied, off the hot path and adds it to the customer's history at once. The
 * pipeline itself is plain Java (io.nbo.decision.core).
 */
@ApplicationScoped
public class DecisionService {

    private final ProfileStore profiles;
    private final OfferCatalogue catalogue;
    private final DecisionPipeline pipeline;
    private final DecisionLog log;
    private final ContactHistoryStore histories;
    private final Cache<String, Decision> explanations;
    private final CustomerLeases leases;
    private final LearningFeed learning;

    public DecisionService(ProfileStore profiles, OfferCatalogue catalogue, RuleEngine rules,
                           Clock clock, PolicyService policy, ContactHistoryStore histories,
                           JdbcVolumeLedger volumes, DecisionLog log, FallbackOfferService fallback,
                           @Embedded("explanations") Cache<String, Decision> explanations,
                           ExperimentRegistry experiments, LearnedState learned, LearningFeed learning,
                           LearningConfig config, CustomerLeases leases) {
        this.leases = leases;
        this.learning = learning;
        this.profiles = profiles;
        this.explanations = explanations;
        this.catalogue = catalogue;
        this.log = log;
        this.histories = histories;
        this.pipeline = pipeline(rules, clock, policy, histories, volumes, fallback, experiments, learned, config);
    }

    /**
     * The standard pipeline over the live parts, as every decision runs it. Batch campaigns build their own instance
     * with this (it keeps a per-instance index of the catalogue it is given, and a campaign gives it the offers in
     * scope), so the two run the same stages with the same parts.
     */
    public static DecisionPipeline pipeline(RuleEngine rules, Clock clock, PolicyService policy,
                                            ContactHistoryStore histories, JdbcVolumeLedger volumes,
                                            FallbackOfferService fallback, ExperimentRegistry experiments,
                                            LearnedState learned, LearningConfig config) {
        LearnedPropensity propensity = new LearnedPropensity(new AffinityPropensity(), learned::counts,
                learned::ownScore, random(config), new LearnedPropensity.Settings(config.enabled(), config.explore(),
                config.priorStrength()));
        return DecisionPipeline.standard(rules, propensity,
                new ContactLimits(policy::current, histories, volumes), experiments::live,
                FallbackOffer.live(fallback::offerId), clock,
                () -> UUID.randomUUID().toString());
    }

    /** Exploration draws: with a fixed seed one shared, reproducible sequence (tests); otherwise each thread's own. */
    private static Supplier<RandomGenerator> random(LearningConfig config) {
        if (config.seed().isPresent()) {
            RandomGenerator seeded = new SynchronizedRandom(new SplittableRandom(config.seed().get()));
            return () -> seeded;
        }
        return ThreadLocalRandom::current;
    }

    /**
     * Decides, and logs the decision naming who asked ({@code requestedBy}: a user, or {@code key:<name>}). From the
     * history read to the append the decision holds its customer's lease ({@link CustomerLeases}): two decisions for
     * one customer, on any nodes, never both count the caps on a history without the other's offers. A dry run
     * is answered the same way, explained in full, but not logged, added to the history or learned from (so it needs
     * no lease).
     */
    public Decision decide(DecisionRequest request, String requestedBy) {
        CustomerProfile customer = profiles.find(request.customerId())
                .orElseGet(() -> CustomerProfile.anonymous(request.customerId(), ZoneId.of("UTC")));
        return decide(request, customer, catalogue.offers(), requestedBy);
    }

    /**
     * Decides about one offer on one channel only (an event-triggered offer), for a profile the caller holds (the one
     * the event just changed, not yet committed): the same stages, the same log and contact history as any decision.
     * With the catalogue narrowed to that offer, and the offer to that channel, nothing else can be chosen (the
     * fallback included) and a blocked channel is not swapped for another.
     */
    public Decision decideOne(DecisionRequest request, CustomerProfile customer, String offerId,
                              Channel channel, String requestedBy) {
        List<Offer> only = catalogue.find(offerId).map(o -> List.of(o.onlyOn(channel))).orElse(List.of());
        return decide(request, customer, only, requestedBy);
    }

    private Decision decide(DecisionRequest request, CustomerProfile customer, List<Offer> offers, String requestedBy) {
        if (request.dryRun()) {
            return pipeline.decide(request, customer, offers);
        }
        Decision decision = leases.holding(request.customerId(),
                () -> decideHolding(request, customer, offers, requestedBy));
        if (!decision.explained()) {
            explanations.putForExternalRead(decision.decisionId(), decision);
        }
        return decision;
    }

    private Decision decideHolding(DecisionRequest request, CustomerProfile customer, List<Offer> offers,
                                   String requestedBy) {
        log.reserve();
        Decision decision;
        try {
            decision = pipeline.decide(request, customer, offers);
        } catch (RuntimeException e) {
            log.cancel();
            throw e;
        }
        LoggedDecision logged = logged(decision, requestedBy);
        log.record(logged);
        histories.append(logged.customerId(), ContactHistoryStore.offered(logged));
        String segment = LearnedPropensity.segmentOf(customer);
        for (Decision.Chosen c : decision.offers()) {
            learning.offered(c.candidate().offerId(), segment, c.candidate().channel().code());
        }
        return decision;
    }

    /**
     * A recent lean answer explained in full: why every other offer of the catalogue was not chosen, worked out from
     * what that decision read (not decided again). Kept on the node that decided, for the newest decisions only
     * (cache {@code explanations}: 20,000 for 10 minutes); empty when it is not here.
     */
    public Optional<Decision> explanation(String decisionId) {
        return Optional.ofNullable(explanations.get(decisionId)).map(Decision::explainedInFull);
    }

    /** The log keeps the versions the decision applied, as the pipeline read them once (not the live ones now). */
    private static LoggedDecision logged(Decision d, String requestedBy) {
        // Stored to the microsecond, as the database keeps it, so the cached history and the log agree exactly.
        return new LoggedDecision(d.decisionId(), d.customerId(), d.touchpoint(),
                d.decidedAt().truncatedTo(ChronoUnit.MICROS), d.ruleSetVersion(),
                d.policyVersion(), d.fallback(), d.offers().stream()
                .map(c -> new LoggedDecision.Made(c.candidate().offerId(), c.candidate().offer().offerGroup(),
                        c.candidate().channel(), c.rank()))
                .toList(), requestedBy, d.experiments().stream()
                .map(a -> new LoggedDecision.InExperiment(a.experimentKey(), a.version(), a.arm())).toList());
    }
}
