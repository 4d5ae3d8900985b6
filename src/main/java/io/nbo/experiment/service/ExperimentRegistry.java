package io.nbo.experiment.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.decision.core.experiment.ExperimentSet;
import io.nbo.experiment.persistence.ExperimentStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The experiments in force on this node: one immutable {@link ExperimentSet} behind an atomic reference, read once
 * per decision. {@link #activate()} is the one place a set goes live: after a change through the API, at start-up and
 * on the periodic refresh; a change made through the API is told to the other nodes ({@link ClusterChanges}, topic
 * {@value #TOPIC}), which activate it within moments.
 */
@ApplicationScoped
public class ExperimentRegistry {

    private static final Logger LOG = Logger.getLogger(ExperimentRegistry.class);

    static final String TOPIC = "experiments";

    private final ExperimentStore store;
    private final ClusterChanges cluster;
    private final AtomicReference<ExperimentSet> live = new AtomicReference<>(ExperimentSet.NONE);

    public ExperimentRegistry(ExperimentStore store, ClusterChanges cluster) {
        this.store = store;
        this.cluster = cluster;
    }

    void onStart(@Observes StartupEvent event) {
        cluster.subscribe(TOPIC, this::activate);
    }

    /** Activates what the database holds after a change made here, and tells the other nodes. */
    ExperimentSet changed(String change) {
        ExperimentSet next = activate();
        cluster.publish(TOPIC, change);
        return next;
    }

    public ExperimentSet live() {
        return live.get();
    }

    /** Reads the versions in force from the database and swaps them in whole. */
    public ExperimentSet activate() {
        ExperimentSet next = new ExperimentSet(store.current().stream().map(ExperimentStore.Stored::experiment)
                .toList());
        ExperimentSet before = live.getAndSet(next);
        if (before.experiments().size() != next.experiments().size()) {
            LOG.infof("Experiments in force: %d", next.experiments().size());
        }
        return next;
    }
}
