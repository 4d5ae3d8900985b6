package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Customer data in bulk (imports), under {@code nbo.customers.}. */
@ConfigMapping(prefix = "nbo.customers")
public interface CustomerDataConfig {

    /**
     * The largest import file taken, in bytes (2 GiB: about ten million customers as CSV). The file is spooled to a
     * temporary file as it arrives, never held in memory; {@code quarkus.http.limits.max-body-size} must be at least
     * this.
     */
    @WithDefault("2147483648")
    long importMaxBytes();

    /** Rows written per transaction by an import (at most 1000): a batch is committed whole or not at all. */
    @WithDefault("1000")
    int importBatch();
}
