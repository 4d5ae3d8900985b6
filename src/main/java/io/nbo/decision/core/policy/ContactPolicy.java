package io.nbo.decision.core.policy;

import java.util.List;

/**
 * The live contact policy: the validated rows of the marketers' policy table, in table order.
 *
 * @param version a short content hash, so a decision can say which policy judged it
 */
public record ContactPolicy(String version, List<PolicyRule> rules) {

    public static final ContactPolicy NONE = new ContactPolicy("none", List.of());

    public ContactPolicy {
        rules = List.copyOf(rules);
    }

    public List<PolicyRule> rules(PolicyRule.Kind kind) {
        return rules.stream().filter(r -> r.kind() == kind).toList();
    }
}
