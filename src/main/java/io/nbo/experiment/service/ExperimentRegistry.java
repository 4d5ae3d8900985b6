package io.nbo.experiment.service;

import io.nbo.decision.core.experiment.ExperimentSet;
import io.nbo.experiment.persistence.ExperimentStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The experiments in force on this node: one immutable {@link ExperimentSet} behind an atomic reference, read once
 * per decision. {@link #activate()} is the one place a set goes live: after a change through the API, at start-up and
 * on the periodic refresh (so every node follows a change made on another; a cluster-wide change notification can call
 * it too).
 */
@ApplicationScoped
public class ExperimentRegistry {

    private static final Logger LOG = Logger.getLogger(ExperimentRegistry.class);

    private final ExperimentStore store;
    private final AtomicReference<ExperimentSet> live = new AtomicReference<>(ExperimentSet.NONE);

    public ExperimentRegistry(ExperimentStore store) {
        this.store = store;
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
