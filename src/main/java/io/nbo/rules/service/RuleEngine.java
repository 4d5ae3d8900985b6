package io.nbo.rules.service;

import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.rules.CompiledRuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one bean that owns Drools. It holds the live {@link CompiledRuleSet} behind a single reference: each evaluation
 * reads it once, so swapping in a new version (hot reload, upload, rollback; see {@link RuleSetService}) never touches
 * a decision in flight, which finishes on the version it started with and reports it.
 */
@ApplicationScoped
public class RuleEngine implements EligibilityEngine {

    private final AtomicReference<CompiledRuleSet> live = new AtomicReference<>();

    /** Makes a compiled rule set the live one, atomically; returns the one it replaced. */
    public CompiledRuleSet activate(CompiledRuleSet compiled) {
        return live.getAndSet(compiled);
    }

    public CompiledRuleSet live() {
        return live.get();
    }

    @Override
    public EligibilityResult evaluate(Situation situation, List<Offer> candidates) {
        CompiledRuleSet current = live.get();
        if (current == null) {
            throw new IllegalStateException("no rule set is live yet: the server is still starting");
        }
        return current.evaluate(situation, candidates);
    }
}
