package io.nbo.experiment.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The experiment API's shapes. */
public final class ExperimentPayloads {

    private ExperimentPayloads() {
    }

    @Schema(name = "ExperimentDefinition", description = "An experiment or a global holdout; PUT again for a new version")
    public record Definition(
            @Schema(examples = "Coffee morning push") String name,
            @Schema(required = true, examples = "campaigns", description = "Customers are in at most one experiment "
                    + "per layer; use a layer of its own (e.g. 'holdout') for a global holdout") String layer,
            @Schema(examples = "0.5", description = "Share of the layer's customers in this experiment (default 1)")
            Double traffic,
            @Schema(examples = "[\"COFFEE-AM\"]", description = "Offers the experiment is about; empty for every "
                    + "offer (a global holdout)") List<String> offers,
            @Schema(examples = "[\"loyal\"]", description = "Only customers in one of these segments (empty: all)")
            List<String> segments,
            @Schema(examples = "2026-11-23T00:00:00Z", description = "Default now") Instant startsAt,
            @Schema(examples = "2026-12-31T00:00:00Z", description = "Null for open-ended; set it to stop") Instant endsAt,
            @Schema(required = true) List<ArmPayload> arms) {
    }

    @Schema(name = "ExperimentArm")
    public record ArmPayload(
            @Schema(required = true, examples = "control") String name,
            @Schema(required = true, examples = "0.5", description = "Fraction of the experiment's customers; the "
                    + "arms add up to 1") Double share,
            @Schema(examples = "true", description = "Exactly one arm is the control") Boolean control,
            @Schema(examples = "no-offer", enumeration = {"no-offer", "current", "weight"}, description = "no-offer: "
                    + "the experiment's offers are withheld; current: the current strategy; weight: the current "
                    + "strategy with the offers' scores multiplied by 'weight'") String treatment,
            @Schema(examples = "2.0") Double weight) {
    }

    @Schema(name = "Experiment")
    public record ExperimentView(String key, int version, String name, String layer, double traffic,
                                 @Schema(description = "The layer's buckets (of 10,000) this experiment holds")
                                 int bucketFrom, int bucketTo, List<ArmPayload> arms, List<String> offers,
                                 List<String> segments, Instant startsAt, Instant endsAt, boolean running,
                                 Instant createdAt, String createdBy) {
    }
}
