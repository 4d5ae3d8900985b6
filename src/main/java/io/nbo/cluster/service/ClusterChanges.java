package io.nbo.cluster.service;

import io.nbo.config.ClusterConfig;
import io.quarkiverse.infinispan.embedded.Embedded;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.jboss.logging.Logger;

/**
 * The ONE way a marketer's change on one node reaches the others. A change is made durable in the database first
 * (rule-set and policy activations, offers, settings: each its own system of record), then {@link #publish}ed as a
 * notice in the replicated cache {@code cluster-changes} (topic -> version and a nonce); every other node's listener
 * hands the notice to the topic's subscriber, which re-reads what is live from the database and applies it. The
 * notice carries no data, so it cannot disagree with the database; a notice lost (a node partitioned, or starting
 * between its read and the notice) is repaired by the resync every {@code nbo.cluster.resync-interval}, which calls
 * every subscriber whatever arrived. Subscribers must therefore be idempotent and cheap when nothing changed.
 *
 * <p>Why not only a database poll: a poll every second per topic per node costs queries forever for changes that come
 * a few times a day, and still leaves a second of mixed answers; the notice arrives in milliseconds. Why not only the
 * cache: a node that misses it would serve the old version until restarted. One node (single-node mode) has a local
 * cache here: publishing is a no-op for others, and the resync is off.
 */
@ApplicationScoped
public class ClusterChanges {

    private static final Logger LOG = Logger.getLogger(ClusterChanges.class);

    private final Cache<String, String> notices;
    private final ManagedExecutor background;
    private final ClusterConfig config;
    private final Map<String, Runnable> subscribers = new ConcurrentHashMap<>();
    private final String node = UUID.randomUUID().toString().substring(0, 8);
    private final NoticeListener listener = new NoticeListener();

    public ClusterChanges(@Embedded("cluster-changes") Cache<String, String> notices, ManagedExecutor background,
                          ClusterConfig config) {
        this.notices = notices;
        this.background = background;
        this.config = config;
    }

    void start(@Observes @Priority(1) StartupEvent event) {
        notices.addListener(listener);
    }

    void stop(@Observes ShutdownEvent event) {
        notices.removeListener(listener);
    }

    /**
     * Follows a topic: {@code resync} reads what the database says is live and applies it when it differs from what
     * this node serves. Called from other nodes' notices and from the periodic resync, one call at a time per topic.
     */
    public void subscribe(String topic, Runnable resync) {
        subscribers.put(topic, resync);
    }

    /** Tells the other nodes that {@code topic} changed (to {@code version}); call after the change is durable. */
    public void publish(String topic, String version) {
        try {
            notices.put(topic, version + " " + node + " " + System.nanoTime());
        } catch (RuntimeException e) {
            // The change is in the database: the other nodes' resync finds it. Never fail the marketer's change.
            LOG.warnf("Could not tell the other nodes about the %s change to %s (%s); they pick it up within %s",
                    topic, version, e.getMessage(), config.resyncInterval());
        }
    }

    /** The safety net under the notices (clustered nodes only). */
    @Scheduled(every = "${nbo.cluster.resync-interval:15s}", delayed = "${nbo.cluster.resync-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resyncAll() {
        if (config.enabled()) {
            subscribers.keySet().forEach(this::resync);
        }
    }

    void resync(String topic) {
        Runnable subscriber = subscribers.get(topic);
        if (subscriber == null) {
            return;
        }
        synchronized (subscriber) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warnf("Following the cluster's %s failed (%s); retried at the next resync", topic, e.getMessage());
            }
        }
    }

    @Listener
    public class NoticeListener {

        @CacheEntryCreated
        @CacheEntryModified
        public void changed(CacheEntryEvent<String, String> event) {
            if (!event.isPre() && !event.isOriginLocal()) {
                background.execute(() -> resync(event.getKey()));
            }
        }
    }
}
