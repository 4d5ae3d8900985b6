package io.nbo.rules.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.persistence.RuleSetStore;
import io.nbo.rules.validate.DraftReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The live rule set as the rule-set service knows it: its files, the warnings its checks gave, and the last reload
 * from the folders; and the one way a checked draft goes live: recorded as an activation in the database, then swapped
 * into the engine atomically, then compared with Drools in the background. Called only from the service's single
 * change thread (and at start-up), so activations never interleave.
 */
@ApplicationScoped
public class LiveRuleSet {

    private static final Logger LOG = Logger.getLogger(LiveRuleSet.class);

    private final RuleEngine engine;
    private final ReferenceCheck reference;
    private final RuleSetStore store;
    private final ClusterChanges cluster;
    private volatile Map<String, RuleSource> sources = Map.of();
    private volatile List<RuleProblem> warnings = List.of();
    private volatile ReloadStatus lastReload;

    /** The topic of rule-set activations and rollbacks in the cluster's change notices. */
    public static final String TOPIC = "rule-set";

    public LiveRuleSet(RuleEngine engine, ReferenceCheck reference, RuleSetStore store, ClusterChanges cluster) {
        this.cluster = cluster;
        this.engine = engine;
        this.reference = reference;
        this.store = store;
    }

    /** The files of the live version, by name. */
    public Map<String, RuleSource> files() {
        return sources;
    }

    /** The warnings the live version's checks gave (at its activation). */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** How the live rule set's index compares with Drools. */
    public java.util.Optional<ReferenceCheck.Status> referenceStatus() {
        return reference.status();
    }

    public ReloadStatus lastReload() {
        return lastReload;
    }

    void lastReload(ReloadStatus status) {
        lastReload = status;
    }

    /** The live version, or null before the first activation. */
    String version() {
        return engine.live() == null ? null : engine.live().version();
    }

    ActivationResult activate(DraftReport report, List<RuleSource> files, Actor actor, String origin, String changed,
                              boolean record) {
        String previous = version();
        Instant at = Instant.now();
        if (record) {
            at = store.recordActivation(report.version(), files, report.compiled().ruleCount(), actor.name(), origin,
                    changed, previous == null ? null : "replaced " + previous).activatedAt();
        }
        engine.activate(report.compiled());
        reference.start(report.compiled());
        sources = files.stream().collect(Collectors.toMap(RuleSource::name, s -> s, (a, b) -> b, TreeMap::new));
        warnings = report.warnings();
        if (record) {
            cluster.publish(TOPIC, report.version());
        }
        LOG.infof("Rule set %s is live (%s by %s%s, %d tests passed, %d warnings)", report.version(), origin,
                actor.name(), changed == null ? "" : ": " + changed, report.testsRun(), report.warnings().size());
        return new ActivationResult(report.version(), previous, true, report.compiled().ruleCount(),
                report.testsRun(), report.warnings(), actor.name(), at);
    }

    /** The answer to a draft identical to the live version: nothing was activated. */
    ActivationResult unchanged(DraftReport report) {
        return new ActivationResult(report.version(), report.version(), false, engine.live().ruleCount(),
                report.testsRun(), report.warnings(), null, null);
    }
}
