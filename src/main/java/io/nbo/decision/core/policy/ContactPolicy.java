package io.nbo.decision.core.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live contact policy: the validated rows of the marketers' policy table, in table order, also grouped by kind
 * once (the stages ask for one kind per offer and channel of every decision).
 */
public final class ContactPolicy {

    public static final ContactPolicy NONE = new ContactPolicy("none", List.of());

    private final String version;
    private final List<PolicyRule> rules;
    private final Map<PolicyRule.Kind, List<PolicyRule>> byKind = new EnumMap<>(PolicyRule.Kind.class);

    /** @param version a short content hash of the table, so a decision can say which policy judged it */
    public ContactPolicy(String version, List<PolicyRule> rules) {
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        for (PolicyRule.Kind kind : PolicyRule.Kind.values()) {
            List<PolicyRule> ofKind = new ArrayList<>();
            for (PolicyRule rule : this.rules) {
                if (rule.kind() == kind) {
                    ofKind.add(rule);
                }
            }
            byKind.put(kind, List.copyOf(ofKind));
        }
    }

    public String version() {
        return version;
    }

    /** Every rule, in table order. */
    public List<PolicyRule> rules() {
        return rules;
    }

    /** The rules of one kind, in table order. */
    public List<PolicyRule> rules(PolicyRule.Kind kind) {
        return byKind.get(kind);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactPolicy p && version.equals(p.version) && rules.equals(p.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, rules);
    }

    @Override
    public String toString() {
        return "ContactPolicy[" + version + ", " + rules.size() + " rules]";
    }
}
