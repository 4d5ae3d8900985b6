package io.nbo.rules.service;

import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one bean that owns Drools. It holds the live {@link CompiledRuleSet} behind a single reference: each evaluation
 * reads it once, so swapping in a new version (hot reload, upload, rollback; see {@link RuleSetService}) never touches
 * a decision in flight, which finishes on the version it started with and reports it.
 */
@ApplicationScoped
public class RuleEngine implements EligibilityEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final AtomicReference<CompiledRuleSet> live = new AtomicReference<>();

    /** Compiles sources without activating them. */
    public CompiledRuleSet compile(List<RuleSource> sources) {
        long start = System.nanoTime();
        CompiledRuleSet compiled = compiler.compile(sources);
        LOG.infof("Compiled rule set %s: %d rules from %d files in %d ms", compiled.version(), compiled.ruleCount(),
                compiled.sources().size(), (System.nanoTime() - start) / 1_000_000);
        return compiled;
    }

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
