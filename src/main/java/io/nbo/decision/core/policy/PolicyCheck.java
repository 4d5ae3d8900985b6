package io.nbo.decision.core.policy;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.Candidate.Blocked;
import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-channel rules of the contact policy, judged for one candidate on one channel: consent, frequency caps,
 * rest after outcomes, quiet hours and send windows. Each check returns the block (the rule, and the reason with the
 * numbers) or null. They run for every channel of every eligible offer of every decision, so they count in plain
 * loops and allocate nothing when nothing blocks; a reason's sentence is written only when an answer shows it.
 */
final class PolicyCheck {

    /** Missing consent without a consent row: one shared block per channel. */
    private static final Map<Channel, Blocked> NO_CONSENT = new EnumMap<>(Channel.class);

    static {
        for (Channel channel : Channel.values()) {
            NO_CONSENT.put(channel, new Blocked("consent", noConsent(channel), true));
        }
    }

    private PolicyCheck() {
    }

    /** Outbound channels always need consent; a consent row adds others. */
    static Blocked consent(ContactPolicy policy, Situation situation, Channel channel) {
        PolicyRule named = null;
        for (PolicyRule rule : policy.rules(PolicyRule.Kind.CONSENT)) {
            if (rule.channel().applies(channel.code())) {
                named = rule;
                break;
            }
        }
        if (!channel.outbound() && named == null || situation.customer().consentsTo(channel)) {
            return null;
        }
        return named == null ? NO_CONSENT.get(channel) : new Blocked(named.name(), noConsent(channel), true);
    }

    static Blocked cap(PolicyRule rule, Situation situation, ContactHistory history, Candidate candidate,
                       Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return null;
        }
        Instant now = situation.now();
        Instant from = now.minus(rule.window());
        int sent = 0;
        for (ContactEvent event : history.events()) {
            if (event.type() == ContactEventType.OFFERED && inCap(event, from, now)
                    && counts(rule, event, candidate, channel)) {
                sent++;
            }
        }
        if (sent < rule.count()) {
            return null;
        }
        return new Blocked(rule.name(), Reason.lazy(() -> capReason(rule, now, history, candidate, channel)), false);
    }

    private static String capReason(PolicyRule rule, Instant now, ContactHistory history, Candidate candidate,
                                    Channel channel) {
        Instant from = now.minus(rule.window());
        List<ContactEvent> hits = new ArrayList<>();
        for (ContactEvent event : history.events()) {
            if (event.type() == ContactEventType.OFFERED && inCap(event, from, now)
                    && counts(rule, event, candidate, channel)) {
                hits.add(event);
            }
        }
        int limit = rule.count();
        if (limit == 0) {
            return String.format("%s cap 0 per %s: no contact allowed", scope(rule, candidate, channel),
                    PolicyText.duration(rule.window()));
        }
        Instant reopens = hits.get(hits.size() - limit).at().plus(rule.window());
        return String.format("%s cap %d per %s reached: %d sent, last on %s; next allowed from %s",
                scope(rule, candidate, channel), limit, PolicyText.duration(rule.window()), hits.size(),
                PolicyText.instant(hits.get(hits.size() - 1).at()), PolicyText.instant(reopens));
    }

    private static boolean inCap(ContactEvent event, Instant from, Instant now) {
        return event.at().isAfter(from) && !event.at().isAfter(now);
    }

    static Blocked rest(PolicyRule rule, Situation situation, ContactHistory history, Candidate candidate,
                        Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return null;
        }
        Instant now = situation.now();
        int needed = rule.count();
        int matching = 0;
        for (ContactEvent event : history.events()) {
            if (event.type() == rule.outcome() && !event.at().isAfter(now) && counts(rule, event, candidate, channel)) {
                matching++;
            }
        }
        if (matching < needed) {
            return null;
        }
        List<ContactEvent> hits = new ArrayList<>(matching);
        for (ContactEvent event : history.events()) {
            if (event.type() == rule.outcome() && !event.at().isAfter(now) && counts(rule, event, candidate, channel)) {
                hits.add(event);
            }
        }
        Instant until = null;
        ContactEvent trigger = null;
        for (int i = needed - 1; i < hits.size(); i++) {
            ContactEvent last = hits.get(i);
            ContactEvent first = hits.get(i - needed + 1);
            boolean inWindow = rule.window() == null || first.at().isAfter(last.at().minus(rule.window()));
            Instant end = last.at().plus(rule.rest());
            if (inWindow && (until == null || end.isAfter(until))) {
                until = end;
                trigger = last;
            }
        }
        if (until == null || !now.isBefore(until)) {
            return null;
        }
        Instant restUntil = until;
        Instant triggeredAt = trigger.at();
        return new Blocked(rule.name(), Reason.lazy(() -> restReason(rule, candidate, channel, triggeredAt,
                restUntil)), false);
    }

    private static String restReason(PolicyRule rule, Candidate candidate, Channel channel, Instant trigger,
                                     Instant until) {
        int needed = rule.count();
        String what = needed == 1 ? rule.outcome().code() + " on " + PolicyText.instant(trigger)
                : needed + " " + rule.outcome().code() + (rule.window() == null ? ""
                        : " within " + PolicyText.duration(rule.window())) + ", the last on "
                        + PolicyText.instant(trigger);
        return String.format("%s rests %s after %s: resting until %s", scope(rule, candidate, channel),
                PolicyText.duration(rule.rest()), what, PolicyText.instant(until));
    }

    static Blocked hours(PolicyRule rule, Situation situation, Candidate candidate, Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return null;
        }
        boolean inside = rule.hours().contains(situation.localTime());
        boolean blocked = rule.kind() == PolicyRule.Kind.QUIET_HOURS ? inside : !inside;
        if (!blocked) {
            return null;
        }
        return new Blocked(rule.name(), Reason.lazy(() -> {
            String local = "customer local time " + situation.localTime().withSecond(0).withNano(0) + " "
                    + situation.customer().timeZone().getId();
            return rule.kind() == PolicyRule.Kind.QUIET_HOURS
                    ? "quiet hours " + rule.hours() + " on " + PolicyText.channel(channel) + " (" + local + ")"
                    : PolicyText.channel(channel) + " only between " + rule.hours() + " (" + local + ")";
        }), false);
    }

    private static Reason noConsent(Channel channel) {
        return Reason.of("no consent to contact on " + PolicyText.channel(channel));
    }

    private static boolean applies(PolicyRule rule, Candidate candidate, Channel channel) {
        return rule.channel().applies(channel.code()) && rule.offer().applies(candidate.offerId())
                && rule.group().applies(candidate.offer().offerGroup());
    }

    private static boolean counts(PolicyRule rule, ContactEvent event, Candidate candidate, Channel channel) {
        return rule.channel().counts(event.channel().code(), channel.code())
                && rule.offer().counts(event.offerId(), candidate.offerId())
                && rule.group().counts(event.offerGroup(), candidate.offer().offerGroup());
    }

    /** "SMS", "offer COFFEE-AM", "group coffee on email", "outbound", or "contact" when the row has no scope. */
    private static String scope(PolicyRule rule, Candidate candidate, Channel channel) {
        List<String> parts = new ArrayList<>();
        if (rule.offer().mode() != Selector.Mode.ANY) {
            parts.add(several(rule.offer()) ? "offers " + rule.offer().value() : "offer " + candidate.offerId());
        }
        if (rule.group().mode() != Selector.Mode.ANY) {
            parts.add(several(rule.group()) ? "groups " + rule.group().value()
                    : "group " + candidate.offer().offerGroup());
        }
        if (rule.channel().mode() != Selector.Mode.ANY) {
            String name = several(rule.channel()) ? rule.channel().value() : PolicyText.channel(channel);
            parts.add(parts.isEmpty() ? name : "on " + name);
        }
        return parts.isEmpty() ? "contact" : String.join(" ", parts);
    }

    private static boolean several(Selector selector) {
        return selector.mode() == Selector.Mode.ONE && selector.values().size() > 1;
    }
}
