package io.nbo.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of requests to the API, under {@code nbo.http.}. */
@ConfigMapping(prefix = "nbo.http")
public interface HttpConfig {

    /**
     * The largest request body any endpoint but a customer import takes: above it, 413 before the body is read
     * (BodySizeGuard). Customer imports take up to {@code nbo.customers.import-max-bytes}.
     */
    @WithDefault("16M")
    MemorySize maxBodySize();
}
