package io.nbo.campaign.run.persistence;

import io.nbo.campaign.run.RunSpec;
import io.nbo.campaign.run.RunStatus;
import java.time.Instant;

/** A run as stored: what was asked, where it is, who runs it and when it last said so. */
public record RunRow(RunSpec spec, RunStatus status, Instant startedAt, Instant finishedAt, Long customersTotal,
                     Integer sampleSize, String pricing, String owner, Instant heartbeatAt, boolean cancelRequested,
                     String failure) {
}
