package io.nbo.campaign.run;

/** Where a run is. Running phases: queued, sampling, pricing, assigning; then done, cancelled or failed. */
public enum RunStatus {
    QUEUED, SAMPLING, PRICING, ASSIGNING, DONE, CANCELLED, FAILED;

    public boolean running() {
        return this == QUEUED || this == SAMPLING || this == PRICING || this == ASSIGNING;
    }

    public String code() {
        return name().toLowerCase();
    }
}
