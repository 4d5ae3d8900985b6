package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Customer events, their aggregates, triggered offers and the outbox (docs/customer-data.md), under {@code nbo.events.}. */
@ConfigMapping(prefix = "nbo.events")
public interface EventConfig {

    /**
     * How long stored events are kept (by the time they happened); older ones are deleted daily, and an event older
     * than this is refused on arrival, so a re-sent event can never be counted twice after its record is gone.
     */
    @WithDefault("400d")
    Duration retention();

    /** How far in the future (by our clock) an event's own time may lie before it is refused. */
    @WithDefault("5m")
    Duration clockSkew();

    /** The most events one batch call may send. */
    @WithDefault("1000")
    int maxBatch();

    Outbox outbox();

    interface Outbox {
        /** Webhook the outbox posts each triggered offer to; none: delivery systems poll {@code GET /api/outbox}. */
        Optional<String> webhookUrl();

        /** How often the outbox looks for entries to post. */
        @WithDefault("2s")
        Duration webhookInterval();

        /** The first retry waits this long; each further one twice as long as the one before. */
        @WithDefault("5s")
        Duration retryBase();

        /** The longest wait between two attempts. */
        @WithDefault("10m")
        Duration retryMax();

        /** Attempts before an entry is given up as failed (it stays readable in the outbox). */
        @WithDefault("12")
        int maxAttempts();

        /** How long one webhook call may take. */
        @WithDefault("10s")
        Duration webhookTimeout();
    }
}
