package io.nbo.learning.service;

import io.nbo.config.LearningConfig;
import io.nbo.contact.service.DecisionLog;
import io.nbo.experiment.service.ExperimentRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Loads the learned state and the experiments at start-up, then, on one background thread, adds the counts gathered
 * from decisions and outcomes to the database every flush interval and reloads the learned state and experiments every
 * refresh interval (so every node follows changes made on another, and a restart starts from what was stored).
 */
@ApplicationScoped
public class LearningTimer {

    private static final Logger LOG = Logger.getLogger(LearningTimer.class);

    private final LearningFeed feed;
    private final LearnedState state;
    private final ExperimentRegistry experiments;
    private final LearningConfig config;
    private final DecisionLog log;
    private ScheduledExecutorService timer;

    public LearningTimer(LearningFeed feed, LearnedState state, ExperimentRegistry experiments,
                         LearningConfig config, DecisionLog log) {
        this.log = log;
        this.feed = feed;
        this.state = state;
        this.experiments = experiments;
        this.config = config;
    }

    void onStart(@Observes @Priority(30) StartupEvent event) {
        safely("loading experiments", experiments::activate);
        safely("loading learned counts", state::refresh);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "learning");
            t.setDaemon(true);
            return t;
        });
        long flush = Math.max(50, config.flushInterval().toMillis());
        long refresh = Math.max(50, config.refreshInterval().toMillis());
        // While the decision log knows the database is away, wait: counts stay in memory, and connection attempts
        // from here would only queue before the ones the log and the health checks make.
        timer.scheduleWithFixedDelay(() -> {
            if (!log.state().databaseDown()) {
                safely("adding learned counts", feed::flush);
            }
        }, flush, flush, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> {
            if (!log.state().databaseDown()) {
                safely("reloading learned counts", state::refresh);
                safely("reloading experiments", experiments::activate);
            }
        }, refresh, refresh, TimeUnit.MILLISECONDS);
    }

    /** Adds what was gathered and reloads now (after an import, and for tests). */
    public synchronized void catchUp() {
        feed.flush();
        state.refresh();
    }

    private static void safely(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warnf("Learning: %s failed, tried again at the next interval: %s", what, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
            safely("adding learned counts at shutdown", feed::flush);
        }
    }
}
