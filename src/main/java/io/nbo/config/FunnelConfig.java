package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The funnel report over the decision log and outcomes, under {@code nbo.funnel.} (GET /api/offers/{id}/funnel). */
@ConfigMapping(prefix = "nbo.funnel")
public interface FunnelConfig {

    /** Days a report covers when {@code from} is not given: the last N days up to {@code to} (today by default). */
    @WithDefault("30")
    int defaultDays();

    /** The longest range one report may cover, in days: a longer one is refused (400) naming this key. */
    @WithDefault("731")
    int maxDays();
}
