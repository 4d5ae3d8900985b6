package io.nbo.decision.core.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The experiments in force, by layer: immutable, swapped whole when one is defined or changed, read once per decision.
 * {@link #assign} places a customer: per layer one bucket (hash of layer and customer id), and the experiment whose
 * bucket range holds it, if any; so a customer is in at most one experiment per layer.
 */
public final class ExperimentSet {

    public static final ExperimentSet NONE = new ExperimentSet(List.of());

    private final List<Experiment> experiments;
    private final Map<String, List<Experiment>> byLayer = new LinkedHashMap<>();

    public ExperimentSet(List<Experiment> experiments) {
        this.experiments = List.copyOf(experiments);
        for (Experiment e : this.experiments) {
            byLayer.computeIfAbsent(e.layer(), l -> new ArrayList<>()).add(e);
        }
        byLayer.forEach((layer, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    Experiment a = list.get(i);
                    Experiment b = list.get(j);
                    if (a.bucketFrom() < b.bucketTo() && b.bucketFrom() < a.bucketTo()) {
                        throw new IllegalArgumentException("experiments " + a.key() + " and " + b.key()
                                + " overlap in layer " + layer);
                    }
                }
            }
        });
    }

    public List<Experiment> experiments() {
        return experiments;
    }

    public boolean isEmpty() {
        return experiments.isEmpty();
    }

    /** The customer's arms in the experiments running now, at most one per layer, in the order defined. */
    public List<Assignment> assign(String customerId, Set<String> segments, Instant now) {
        if (experiments.isEmpty()) {
            return List.of();
        }
        List<Assignment> out = new ArrayList<>(byLayer.size());
        for (Map.Entry<String, List<Experiment>> layer : byLayer.entrySet()) {
            int bucket = Buckets.of(layer.getKey(), customerId);
            for (Experiment e : layer.getValue()) {
                if (e.runningAt(now)) {
                    var arm = e.armFor(customerId, bucket, segments);
                    if (arm.isPresent()) {
                        out.add(e.assignment(arm.get()));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
