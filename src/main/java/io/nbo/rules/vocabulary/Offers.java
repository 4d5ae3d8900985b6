package io.nbo.rules.vocabulary;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.offer.Channel;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a decision table may do, bound as the global {@code offers}. Every call is attributed to the rule (table row)
 * that is firing, so the decision can say which rows made each offer eligible. Unknown offer ids are ignored here:
 * the rule-set validator rejects them before a table goes live. One decision's, not to be shared; once its
 * {@link #result} is asked for, it is done.
 */
public final class Offers {

    private final Map<String, Tally> entries = new LinkedHashMap<>(128);
    private final Set<String> segments = new LinkedHashSet<>();
    private final List<String> fired = new ArrayList<>(64);
    private List<SegmentAssignment> assignments = List.of();
    private List<Trigger> triggers = List.of();
    private String currentRule = "?";

    /** Called by the agenda listener before each rule fires. */
    public void firing(String ruleName) {
        currentRule = ruleName;
        fired.add(ruleName);
    }

    /** Make the offer eligible for this decision. */
    public void eligible(String offerId) {
        Tally e = entry(offerId);
        e.eligibleBy = append(e.eligibleBy, currentRule);
    }

    /** Rule the offer out, whatever other rows say. */
    public void exclude(String offerId) {
        Tally e = entry(offerId);
        e.excludedBy = append(e.excludedBy, currentRule);
    }

    /** Multiply the offer's context weight (1.0 neutral, 2.0 doubles its score, 0 rules it out). */
    public void weight(String offerId, double factor) {
        Tally e = entry(offerId);
        e.weight *= factor;
    }

    /** Ask for a channel (by code) if the offer allows it and the customer can be reached there. */
    public void preferChannel(String offerId, String channel) {
        Tally e = entry(offerId);
        e.channel = Channel.fromCode(channel).orElse(null);
    }

    /** Put the customer in a micro-segment for this decision; reported with the decision. */
    public void assignSegment(String segment) {
        segments.add(segment);
    }

    /**
     * Put the customer in a segment with a priority (segment tables): kept on the profile while the row holds, with
     * the row that assigned it; reported with the decision like {@link #assignSegment}.
     */
    public void segment(String segment, int priority) {
        segments.add(segment);
        List<SegmentAssignment> more = new ArrayList<>(assignments);
        more.add(new SegmentAssignment(segment, priority, currentRule));
        assignments = more;
    }

    /**
     * Trigger an offer on a channel when an event arrives (trigger tables): {@code delay} and {@code expiry} as
     * durations (0m, 90m, 1h, 2d) from the event's time. The offer is eligible for this decision and asks for the
     * channel, as {@link #eligible} and {@link #preferChannel} would.
     */
    public void trigger(String offerId, String channel, String delay, String expiry) {
        eligible(offerId);
        preferChannel(offerId, channel);
        List<Trigger> more = new ArrayList<>(triggers);
        more.add(new Trigger(currentRule, offerId, channel, delay, expiry));
        triggers = more;
    }

    /** Segments assigned with a priority, in firing order. */
    public List<SegmentAssignment> segmentAssignments() { return List.copyOf(assignments); }

    /** Offers triggered, in firing order. */
    public List<Trigger> triggers() { return List.copyOf(triggers); }

    /** A segment a row put the customer in. */
    public record SegmentAssignment(String segment, int priority, String rule) {
    }

    /** An offer a row triggered. */
    public record Trigger(String rule, String offerId, String channel, String delay, String expiry) {
    }

    /** The verdict per offer id, in the order the offers were first named by a firing row. */
    public Map<String, Verdict> verdicts() {
        return new VerdictView();
    }

    /** What the rules said, under this rule-set version. */
    public EligibilityResult result(String ruleSetVersion) {
        return EligibilityResult.handedOver(ruleSetVersion, verdicts(), fired, segments);
    }

    public Set<String> segments() { return segments; }

    public List<String> fired() { return fired; }

    private Tally entry(String offerId) {
        Tally e = entries.get(offerId);
        if (e == null) {
            e = new Tally();
            entries.put(offerId, e);
        }
        e.verdict = null;
        return e;
    }

    /** Most offers are named by one or two rows: immutable lists grown by copy cost less than a list and a copy. */
    private static List<String> append(List<String> rows, String row) {
        return switch (rows.size()) {
            case 0 -> List.of(row);
            case 1 -> List.of(rows.get(0), row);
            default -> {
                List<String> more = new ArrayList<>(rows.size() + 1);
                more.addAll(rows);
                more.add(row);
                yield List.copyOf(more);
            }
        };
    }

    private static final class Tally {
        List<String> eligibleBy = List.of();
        List<String> excludedBy = List.of();
        double weight = 1.0;
        Channel channel;
        Verdict verdict;

        Verdict verdict() {
            if (verdict == null) {
                verdict = new Verdict(eligibleBy, excludedBy, weight, channel);
            }
            return verdict;
        }
    }

    /** The entries read as verdicts, without a second map: built once per decision, read once. */
    private final class VerdictView extends AbstractMap<String, Verdict> {

        @Override
        public Verdict get(Object key) {
            Tally e = entries.get(key);
            return e == null ? null : e.verdict();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public Set<Map.Entry<String, Verdict>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Verdict>> iterator() {
                    Iterator<Map.Entry<String, Tally>> it = entries.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<String, Verdict> next() {
                            Map.Entry<String, Tally> e = it.next();
                            return new SimpleImmutableEntry<>(e.getKey(), e.getValue().verdict());
                        }
                    };
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }
    }
}
