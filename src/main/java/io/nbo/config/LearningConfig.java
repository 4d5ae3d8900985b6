package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Learned propensity, experiments and history import, under {@code nbo.learning.} (docs/strategy.md). */
@ConfigMapping(prefix = "nbo.learning")
public interface LearningConfig {

    /** Rank by propensities learned from outcomes and imported history; false ranks by the fixed prior alone. */
    @WithDefault("true")
    boolean enabled();

    /** Explore by Thompson sampling (rank by a draw from each posterior); false ranks by the posterior mean. */
    @WithDefault("true")
    boolean explore();

    /** How many contacts the prior counts for: a level with fewer of its own stays near its parent. */
    @WithDefault("20")
    double priorStrength();

    /** How often counts gathered from decisions and outcomes are added to the database, in one batch. */
    @WithDefault("2s")
    Duration flushInterval();

    /** How often each node reloads the learned counts, own scores and experiments from the database. */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Seed of the exploration draws; unset draws from a fresh random source (tests fix it). */
    java.util.Optional<Long> seed();

    /** Rows written to the database per batch by a history import. */
    @WithDefault("20000")
    int importBatch();

    /** The most rejected lines a history import reports one by one (all are counted). */
    @WithDefault("1000")
    int importMaxReportedRejections();
}
