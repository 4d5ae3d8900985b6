package io.nbo.rules.service;

import io.nbo.config.NboConfig;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleSetCompiler;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one bean that owns Drools. It compiles the decision tables and DRL at run time into an immutable
 * {@link CompiledRuleSet} and keeps the live one behind a single reference: each evaluation reads it once, so
 * swapping in a new version (hot reload) never touches a decision in flight.
 */
@Startup
@ApplicationScoped
public class RuleEngine implements EligibilityEngine {

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final NboConfig config;
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final RuleSourceLoader loader = new RuleSourceLoader();
    private final AtomicReference<CompiledRuleSet> live = new AtomicReference<>();

    public RuleEngine(NboConfig config) {
        this.config = config;
    }

    @PostConstruct
    void loadAtStartup() {
        List<Path> folders = List.of(Path.of(config.rules().decisionTablesDir()), Path.of(config.rules().drlDir()));
        try {
            CompiledRuleSet compiled = compile(loader.load(folders));
            activate(compiled);
        } catch (RuleSetException e) {
            LOG.errorf("Decision tables in %s do not compile, the server cannot start. %s", folders, e.getMessage());
            throw e;
        }
    }

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
        CompiledRuleSet previous = live.getAndSet(compiled);
        LOG.infof("Rule set %s is live", compiled.version());
        return previous;
    }

    public CompiledRuleSet live() {
        return live.get();
    }

    @Override
    public EligibilityResult evaluate(Situation situation, List<Offer> candidates) {
        return live.get().evaluate(situation, candidates);
    }
}
