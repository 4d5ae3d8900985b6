package io.nbo.rules.service;

import io.nbo.config.NboConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches the rule folders (their top-level files only) and asks for a reload when they change. It looks at names,
 * sizes and modification times every interval and reloads once a change has held still for one interval, so a
 * spreadsheet program still saving a file is not read half-written. Polling, not file-system events: it works the same
 * on every file system, network shares and container volumes included.
 */
@ApplicationScoped
public class RuleFolderWatcher {

    private static final Logger LOG = Logger.getLogger(RuleFolderWatcher.class);

    private final RuleSetService rules;
    private final NboConfig config;
    private final RuleFiles files;
    private ScheduledExecutorService timer;
    private Map<String, String> applied;
    private Map<String, String> previous;

    public RuleFolderWatcher(RuleSetService rules, NboConfig config) {
        this.rules = rules;
        this.config = config;
        this.files = new RuleFiles(config);
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!config.rules().watch()) {
            return;
        }
        applied = files.snapshot();
        previous = applied;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-folder-watcher");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(50, config.rules().watchInterval().toMillis());
        timer.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for rule changes every %d ms", files.folders(), every);
    }

    private void look() {
        try {
            Map<String, String> now = files.snapshot();
            if (!now.equals(applied) && now.equals(previous)) {
                applied = now;
                rules.reloadFromDisk();
            }
            previous = now;
        } catch (RuntimeException e) {
            LOG.warn("Could not look at the rule folders", e);
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
