package io.nbo.rules.service;

import io.nbo.cluster.service.ClusterChanges;
import io.nbo.rules.persistence.RuleSetStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Keeps this node on the rule set the cluster has live: the latest activation in the database (rollbacks included). */
@ApplicationScoped
class RuleSetFollower {

    private final ClusterChanges changes;
    private final RuleSetStore store;
    private final RuleSetService service;

    RuleSetFollower(ClusterChanges changes, RuleSetStore store, RuleSetService service) {
        this.changes = changes;
        this.store = store;
        this.service = service;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        changes.subscribe(LiveRuleSet.TOPIC, () -> store.latestActivation().ifPresent(a -> service.follow(a.version())));
    }
}
