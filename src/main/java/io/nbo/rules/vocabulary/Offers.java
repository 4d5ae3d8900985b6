package io.nbo.rules.vocabulary;

import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.offer.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a decision table may do, bound as the global {@code offers}. Every call is attributed to the rule (table row)
 * that is firing, so the decision can say which rows made each offer eligible. Unknown offer ids are ignored here:
 * the rule-set validator rejects them before a table goes live.
 */
public final class Offers {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> segments = new LinkedHashSet<>();
    private final List<String> fired = new ArrayList<>();
    private String currentRule = "?";

    /** Called by the agenda listener before each rule fires. */
    public void firing(String ruleName) {
        currentRule = ruleName;
        fired.add(ruleName);
    }

    /** Make the offer eligible for this decision. */
    public void eligible(String offerId) {
        entry(offerId).eligibleBy.add(currentRule);
    }

    /** Rule the offer out, whatever other rows say. */
    public void exclude(String offerId) {
        entry(offerId).excludedBy.add(currentRule);
    }

    /** Multiply the offer's context weight (1.0 neutral, 2.0 doubles its score, 0 rules it out). */
    public void weight(String offerId, double factor) {
        entry(offerId).weight *= factor;
    }

    /** Ask for a channel (by code) if the offer allows it and the customer can be reached there. */
    public void preferChannel(String offerId, String channel) {
        entry(offerId).channel = Channel.fromCode(channel).orElse(null);
    }

    /** Put the customer in a micro-segment for this decision; reported with the decision. */
    public void assignSegment(String segment) {
        segments.add(segment);
    }

    public Map<String, Verdict> verdicts() {
        Map<String, Verdict> out = new LinkedHashMap<>();
        entries.forEach((id, e) -> out.put(id, new Verdict(e.eligibleBy, e.excludedBy, e.weight, e.channel)));
        return out;
    }

    public Set<String> segments() { return segments; }

    public List<String> fired() { return fired; }

    private Entry entry(String offerId) {
        return entries.computeIfAbsent(offerId, id -> new Entry());
    }

    private static final class Entry {
        final List<String> eligibleBy = new ArrayList<>(2);
        final List<String> excludedBy = new ArrayList<>(1);
        double weight = 1.0;
        Channel channel;
    }
}
