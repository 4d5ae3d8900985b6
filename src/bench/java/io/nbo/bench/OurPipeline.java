package io.nbo.bench;

import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.decision.core.PropensityModel;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.learning.Counts;
import io.nbo.decision.core.learning.LearnedCounts;
import io.nbo.decision.core.learning.LearnedPropensity;
import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.validate.DraftChecker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Our decision core as the server runs it: the table checked and compiled by {@link DraftChecker} (the server's gate), the
 * standard {@link DecisionPipeline} (the same stages {@code DecisionService} runs: candidates, eligibility, contact
 * policy, channel, arbitration with allocation, fallback) with no contact limits beyond consent (an empty policy, no
 * history, unlimited volume), a random decision id. The profile comes from memory: the cache read is measured by the
 * HTTP benchmark.
 */
public final class OurPipeline {

    private final CompiledRuleSet ruleSet;
    private final DecisionPipeline pipeline;
    private final Workload workload;

    public OurPipeline(Workload workload, Instant now) {
        this(workload, now, new DraftChecker().compile(List.of(workload.source())));
    }

    OurPipeline(Workload workload, Instant now, CompiledRuleSet ruleSet) {
        this(workload, now, ruleSet, ruleSet::evaluate);
    }

    /** With another eligibility engine over the same rule set (experiments in ProfileRun). */
    OurPipeline(Workload workload, Instant now, CompiledRuleSet ruleSet, EligibilityEngine engine) {
        this.workload = workload;
        this.ruleSet = ruleSet;
        this.pipeline = DecisionPipeline.standard(engine, propensity(workload), ContactLimits.none(),
                new FallbackOffer(null), Clock.fixed(now, ZoneOffset.UTC), () -> UUID.randomUUID().toString());
    }

    /**
     * The fixed prior, or with {@code -Dbench.learning=true} what the server ranks by: learned propensity with Thompson
     * draws, over counts for every offer at the offer, offer x lifecycle stage and offer x stage x channel levels
     * (random, seeded), so each candidate takes the full path (three lookups, two Gamma draws).
     */
    static PropensityModel propensity(Workload workload) {
        if (!Boolean.getBoolean("bench.learning")) {
            return new AffinityPropensity();
        }
        java.util.Random random = new java.util.Random(42);
        java.util.Map<String, Counts> counts = new java.util.HashMap<>();
        for (var offer : workload.offers()) {
            for (String stage : Workload.LIFECYCLES) {
                for (var channel : offer.channels()) {
                    long n = 50 + random.nextInt(5_000);
                    counts.put(LearnedCounts.key(offer.id(), stage, channel.code()),
                            new Counts(n, (long) (n * random.nextDouble() * 0.3)));
                }
                counts.put(LearnedCounts.key(offer.id(), stage, LearnedCounts.ANY), new Counts(20_000, 2_000));
            }
            counts.put(LearnedCounts.key(offer.id(), LearnedCounts.ANY, LearnedCounts.ANY), new Counts(80_000, 8_000));
        }
        LearnedCounts snapshot = new LearnedCounts(counts);
        return new LearnedPropensity(new AffinityPropensity(), () -> snapshot, (c, o) -> java.util.OptionalDouble.empty(),
                java.util.concurrent.ThreadLocalRandom::current, new LearnedPropensity.Settings(true, true, 20));
    }

    public Decision decide(DecisionRequest request, CustomerProfile customer) {
        return pipeline.decide(request, customer, workload.offers());
    }

    public CompiledRuleSet ruleSet() { return ruleSet; }

    /** Offers the rules made eligible: chosen, or dropped only after eligibility (channel, arbitration). */
    public static Set<String> eligibleIds(Decision decision) {
        Set<String> out = new TreeSet<>();
        decision.offers().forEach(c -> out.add(c.candidate().offerId()));
        for (Rejection r : decision.notChosen()) {
            if (r.stage() != Rejection.Stage.CANDIDATES && r.stage() != Rejection.Stage.ELIGIBILITY) {
                out.add(r.offerId());
            }
        }
        return out;
    }
}
