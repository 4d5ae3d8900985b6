package io.nbo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;

/** Batch campaign runs, under {@code nbo.campaign.} (docs/strategy.md, "Batch campaigns"). */
@ConfigMapping(prefix = "nbo.campaign")
public interface CampaignConfig {

    /** Customers drawn from the audience to price the limited offers (the first pass) before everyone is assigned. */
    @WithDefault("20000")
    int sampleSize();

    /** Customers read, decided and written per page (one transaction, one checkpoint). */
    @WithDefault("1000")
    int pageSize();

    /** Threads per node deciding the customers of a page (the pipeline is CPU work; the page write waits for all). */
    @WithDefault("2")
    int threads();

    /** The local time sends go out at when the contact policy allows it; else the first allowed time after it. */
    @WithDefault("10:00")
    LocalTime sendTime();

    /** A running run whose owner has not renewed its lease for this long is taken over by another node. */
    @WithDefault("60s")
    Duration lease();

    /** How often nodes look for runs to resume (a dead owner's, or runs left running by a restart). */
    @WithDefault("20s")
    Duration resumeEvery();

    /** Test hook: fail a run after this many pages written (0 = never), to prove a resume sends nobody twice. */
    @WithDefault("0")
    int failAfterPages();
}
