package io.nbo.campaign.run;

import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.Selector;
import io.nbo.offer.Channel;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local time each channel's sends go out at: the preferred time when the contact policy's quiet hours and send
 * windows for that channel allow it, else the first allowed quarter hour after it (wrapping past midnight). Sends
 * then happen at that time in each customer's own time zone, and the decision for that customer is judged at that
 * instant, so the policy stage checks the same hours again, offer by offer.
 */
public final class SendTimes {

    private static final int STEP_MINUTES = 15;

    private SendTimes() {
    }

    /** Per channel, its send time; a channel the policy never allows at any time of day is missing. */
    public static Map<Channel, LocalTime> of(ContactPolicy policy, List<Channel> channels, LocalTime preferred) {
        Map<Channel, LocalTime> times = new EnumMap<>(Channel.class);
        for (Channel channel : channels) {
            first(policy, channel, preferred).ifPresent(t -> times.put(channel, t));
        }
        return times;
    }

    static Optional<LocalTime> first(ContactPolicy policy, Channel channel, LocalTime preferred) {
        LocalTime start = preferred.withSecond(0).withNano(0);
        for (int minutes = 0; minutes < 24 * 60; minutes += STEP_MINUTES) {
            LocalTime t = start.plusMinutes(minutes);
            if (allowed(policy, channel, t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** True when no quiet-hours row covers the time and every send-window row includes it, for every offer. */
    static boolean allowed(ContactPolicy policy, Channel channel, LocalTime time) {
        for (PolicyRule rule : policy.rules()) {
            boolean hours = rule.kind() == PolicyRule.Kind.QUIET_HOURS || rule.kind() == PolicyRule.Kind.SEND_WINDOW;
            if (!hours || !rule.channel().applies(channel.code()) || rule.offer().mode() != Selector.Mode.ANY
                    || rule.group().mode() != Selector.Mode.ANY) {
                continue;
            }
            boolean inside = rule.hours().contains(time);
            if (rule.kind() == PolicyRule.Kind.QUIET_HOURS ? inside : !inside) {
                return false;
            }
        }
        return true;
    }
}
