package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Several nodes on one Infinispan cluster and one database (docs/operations.md, "Several nodes"), under
 * {@code nbo.cluster.}. The {@code cluster} profile ({@code QUARKUS_PROFILE=prod,cluster}) turns it on together with
 * the clustered cache shape ({@code infinispan-cluster.xml}); the JGroups settings (name, ports, members, stack) are
 * system properties read by that file.
 */
@ConfigMapping(prefix = "nbo.cluster")
public interface ClusterConfig {

    /**
     * This node is one of several: at start-up it follows the versions the database says are live (rule set, contact
     * policy) instead of putting its own files live, and it resyncs marketers' changes from the database on a timer
     * as a safety net under the cluster-wide change notices.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * How often every subscriber of the change notices compares what it serves with the database, whatever notices
     * arrived: the longest a missed notice (a node partitioned or starting at that moment) leaves a node behind.
     */
    @WithDefault("15s")
    Duration resyncInterval();

    /**
     * The folder holding every node's journal folder (each node's {@code nbo.journal.dir} is a sub-folder of it, on
     * storage all nodes reach). When set, a node writes to the database what a dead peer's journal acknowledged and
     * the database does not hold yet: the journal of a node that died is read by a survivor within
     * {@link #adoptInterval()}, not only when that node comes back.
     */
    Optional<String> journalPeers();

    /** How often the peers' journal folders are looked at for one whose node is gone (its lock is free). */
    @WithDefault("5s")
    Duration adoptInterval();

    /**
     * How long a decision may hold its customer (one decision per customer at a time, cluster-wide, so two nodes
     * cannot both pass a contact cap that only one more contact fits): the lease ends by itself after this, should the
     * holding node die.
     */
    @WithDefault("10s")
    Duration customerLease();

    /** How long a decision waits for another decision of the same customer before it is answered 503. */
    @WithDefault("5s")
    Duration customerWait();
}
