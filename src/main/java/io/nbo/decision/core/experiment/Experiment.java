package io.nbo.decision.core.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of an experiment: who is in it (a range of its layer's buckets, target segments, dates) and how they
 * split into arms. Immutable; a new version replaces it.
 *
 * @param bucketFrom first bucket of the layer this experiment holds (inclusive); experiments of one layer hold
 *                   ranges that do not overlap, so a customer is in at most one of them
 * @param bucketTo   last bucket (exclusive)
 * @param offers     the offers the experiment is about (empty: every offer, as a global holdout)
 * @param segments   only customers in one of these segments (empty: everyone)
 * @param endsAt     null for open-ended
 */
public record Experiment(String key, int version, String name, String layer, int bucketFrom, int bucketTo,
                         List<Arm> arms, Set<String> offers, Set<String> segments, Instant startsAt, Instant endsAt) {

    public Experiment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(layer, "layer");
        arms = List.copyOf(arms);
        offers = Set.copyOf(offers);
        segments = Set.copyOf(segments);
        Objects.requireNonNull(startsAt, "startsAt");
        if (bucketFrom < 0 || bucketTo > Buckets.COUNT || bucketFrom >= bucketTo) {
            throw new IllegalArgumentException("experiment " + key + ": bucket range " + bucketFrom + ".." + bucketTo
                    + " is not inside 0.." + Buckets.COUNT);
        }
        double total = arms.stream().mapToDouble(Arm::share).sum();
        if (arms.isEmpty() || Math.abs(total - 1.0) > 1e-9) {
            throw new IllegalArgumentException("experiment " + key + ": the arms' shares add up to " + total
                    + ", not 1");
        }
        if (arms.stream().filter(Arm::control).count() != 1) {
            throw new IllegalArgumentException("experiment " + key + ": exactly one arm must be the control");
        }
    }

    public boolean runningAt(Instant now) {
        return !now.isBefore(startsAt) && (endsAt == null || now.isBefore(endsAt));
    }

    /** The share of its layer this experiment holds, 0..1. */
    public double traffic() {
        return (bucketTo - bucketFrom) / (double) Buckets.COUNT;
    }

    /**
     * The customer's arm, when their layer bucket is in this experiment's range and they are in a target segment;
     * the arm comes from a second hash (of the experiment key), so arms do not line up with layer buckets.
     */
    public Optional<Arm> armFor(String customerId, int layerBucket, Set<String> customerSegments) {
        if (layerBucket < bucketFrom || layerBucket >= bucketTo) {
            return Optional.empty();
        }
        if (!segments.isEmpty() && segments.stream().noneMatch(customerSegments::contains)) {
            return Optional.empty();
        }
        return Optional.of(arm(Buckets.of(key, customerId)));
    }

    /** The arm a bucket of this experiment's own hash falls in: arms take consecutive slices by share. */
    Arm arm(int bucket) {
        double point = (bucket + 0.5) / Buckets.COUNT;
        double upTo = 0;
        for (Arm arm : arms) {
            upTo += arm.share();
            if (point < upTo) {
                return arm;
            }
        }
        return arms.get(arms.size() - 1);
    }

    public Assignment assignment(Arm arm) {
        return new Assignment(key, version, layer, arm.name(), arm.control(), arm.withhold(), arm.weight(), offers);
    }
}
