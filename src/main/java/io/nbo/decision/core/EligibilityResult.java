package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules said about each offer, under which rule-set version. Immutable.
 */
public final class EligibilityResult {

    private final String ruleSetVersion;
    private final Map<String, Verdict> verdicts;
    private final List<String> firedRules;
    private final Set<String> assignedSegments;

    /**
     * @param verdicts         the rules' verdict per offer id
     * @param firedRules       every rule that fired, in firing order
     * @param assignedSegments micro-segments the rules put the customer in for this decision
     */
    public EligibilityResult(String ruleSetVersion, Map<String, Verdict> verdicts, List<String> firedRules,
                             Set<String> assignedSegments) {
        this(ruleSetVersion, Map.copyOf(verdicts), List.copyOf(firedRules), Set.copyOf(assignedSegments), true);
    }

    private EligibilityResult(String ruleSetVersion, Map<String, Verdict> verdicts, List<String> firedRules,
                              Set<String> assignedSegments, boolean frozen) {
        this.ruleSetVersion = ruleSetVersion;
        this.verdicts = verdicts;
        this.firedRules = firedRules;
        this.assignedSegments = assignedSegments;
    }

    /**
     * A result over collections the caller hands over: it keeps them without copying (a decision's verdicts are
     * built once and read once) and must be the only holder of them, never changing them afterwards. The engine's
     * own evaluation uses this; anyone else uses the constructor.
     */
    public static EligibilityResult handedOver(String ruleSetVersion, Map<String, Verdict> verdicts,
                                               List<String> firedRules, Set<String> assignedSegments) {
        return new EligibilityResult(ruleSetVersion, Collections.unmodifiableMap(verdicts),
                Collections.unmodifiableList(firedRules), Collections.unmodifiableSet(assignedSegments), true);
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /** The rules' verdict per offer id. */
    public Map<String, Verdict> verdicts() {
        return verdicts;
    }

    /** Every rule that fired, in firing order. */
    public List<String> firedRules() {
        return firedRules;
    }

    /** Micro-segments the rules put the customer in for this decision. */
    public Set<String> assignedSegments() {
        return assignedSegments;
    }

    public Optional<Verdict> verdict(String offerId) {
        return Optional.ofNullable(verdicts.get(offerId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EligibilityResult other && Objects.equals(ruleSetVersion, other.ruleSetVersion)
                && verdicts.equals(other.verdicts) && firedRules.equals(other.firedRules)
                && assignedSegments.equals(other.assignedSegments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleSetVersion, verdicts, firedRules, assignedSegments);
    }

    @Override
    public String toString() {
        return "EligibilityResult[ruleSetVersion=" + ruleSetVersion + ", verdicts=" + verdicts + ", firedRules="
                + firedRules + ", assignedSegments=" + assignedSegments + "]";
    }

    /**
     * The rules' verdict on one offer.
     *
     * @param eligibleBy rows that made it eligible
     * @param excludedBy rows that excluded it (exclusion wins over eligibility)
     * @param weight     product of the weights rows gave it
     * @param channel    the channel a row asked for, or null
     */
    public record Verdict(List<String> eligibleBy, List<String> excludedBy, double weight, Channel channel) {

        public Verdict {
            eligibleBy = List.copyOf(eligibleBy);
            excludedBy = List.copyOf(excludedBy);
        }

        /** Made eligible by some row and excluded by none, with a positive weight: the offer stays in the running. */
        public boolean keeps() {
            return !eligibleBy.isEmpty() && excludedBy.isEmpty() && weight > 0;
        }
    }
}
