package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a node hands out volume limits (stock, budget) from blocks it reserves in the database, under {@code nbo.volume.}. */
@ConfigMapping(prefix = "nbo.volume")
public interface VolumeConfig {

    /**
     * The most claims of one volume rule a node reserves from the database at once (a block), then hands out from
     * memory. Never more than half of what is left is reserved, so nodes share the last units of a stock.
     */
    @WithDefault("100")
    int block();

    /** How long a node trusts that a volume counter is sold out before looking again (units given back elsewhere). */
    @WithDefault("30s")
    Duration recheck();
}
