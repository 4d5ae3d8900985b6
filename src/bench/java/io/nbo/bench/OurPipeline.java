package io.nbo.bench;

import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.decision.core.Rejection;
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
        this.pipeline = DecisionPipeline.standard(engine, new AffinityPropensity(), ContactLimits.none(),
                new FallbackOffer(null), Clock.fixed(now, ZoneOffset.UTC), () -> UUID.randomUUID().toString());
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
