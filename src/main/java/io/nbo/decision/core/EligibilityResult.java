package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules said about each offer, under which rule-set version.
 *
 * @param firedRules       every rule that fired, in firing order
 * @param assignedSegments micro-segments the rules put the customer in for this decision
 */
public record EligibilityResult(String ruleSetVersion, Map<String, Verdict> verdicts, List<String> firedRules,
                                Set<String> assignedSegments) {

    public EligibilityResult {
        verdicts = Map.copyOf(verdicts);
        firedRules = List.copyOf(firedRules);
        assignedSegments = Set.copyOf(assignedSegments);
    }

    public Optional<Verdict> verdict(String offerId) {
        return Optional.ofNullable(verdicts.get(offerId));
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
    }
}
