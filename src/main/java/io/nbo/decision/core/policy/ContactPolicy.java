package io.nbo.decision.core.policy;

import io.nbo.offer.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The live contact policy: the validated rows of the marketers' policy table, in table order. Immutable; what every
 * decision asks of it (the rows of one kind, the per-channel rows, whether a channel needs consent and which row says
 * so) is worked out once here, when the policy is read, not per candidate.
 */
public final class ContactPolicy {

    private static final Channel[] CHANNELS = Channel.values();

    public static final ContactPolicy NONE = new ContactPolicy("none", List.of());

    private final String version;
    private final List<PolicyRule> rules;
    private final Map<PolicyRule.Kind, List<PolicyRule>> byKind = new EnumMap<>(PolicyRule.Kind.class);
    private final List<PolicyRule> perChannel;
    private final String[] consentRule = new String[CHANNELS.length];

    /**
     * @param version a short content hash, so a decision can say which policy judged it
     * @param rules   the rows in table order
     */
    public ContactPolicy(String version, List<PolicyRule> rules) {
        this.version = Objects.requireNonNull(version, "version");
        this.rules = List.copyOf(rules);
        List<PolicyRule> channelRows = new ArrayList<>();
        for (PolicyRule.Kind kind : PolicyRule.Kind.values()) {
            byKind.put(kind, this.rules.stream().filter(r -> r.kind() == kind).toList());
        }
        for (PolicyRule rule : this.rules) {
            if (rule.kind() != PolicyRule.Kind.CONSENT && rule.kind() != PolicyRule.Kind.VOLUME) {
                channelRows.add(rule);
            }
        }
        this.perChannel = List.copyOf(channelRows);
        for (Channel channel : CHANNELS) {
            for (PolicyRule rule : byKind.get(PolicyRule.Kind.CONSENT)) {
                if (rule.channel().applies(channel.code())) {
                    consentRule[channel.ordinal()] = rule.name();
                    break;
                }
            }
        }
    }

    /** A short content hash, so a decision can say which policy judged it. */
    public String version() {
        return version;
    }

    /** Every row, in table order. */
    public List<PolicyRule> rules() {
        return rules;
    }

    /** The rows of one kind, in table order. */
    public List<PolicyRule> rules(PolicyRule.Kind kind) {
        return byKind.get(kind);
    }

    /** The rows judged per channel (caps, rests, quiet hours, send windows), in table order. */
    public List<PolicyRule> perChannelRules() {
        return perChannel;
    }

    /** Whether contacting a customer on this channel needs their consent: outbound channels, and those a row names. */
    public boolean needsConsent(Channel channel) {
        return channel.outbound() || consentRule[channel.ordinal()] != null;
    }

    /** The consent row that covers this channel, or {@code "consent"} when none does (outbound channels). */
    public String consentRule(Channel channel) {
        String rule = consentRule[channel.ordinal()];
        return rule == null ? "consent" : rule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPolicy other && version.equals(other.version) && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, rules);
    }

    @Override
    public String toString() {
        return "ContactPolicy[version=" + version + ", rules=" + rules.size() + "]";
    }
}
