package io.nbo.decision.core.policy;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-channel rules of the contact policy, judged for one candidate on one channel: consent, frequency caps,
 * rest after outcomes, quiet hours and send windows. Each check returns the block (rule and reason with the numbers)
 * or nothing.
 */
final class PolicyCheck {

    /** Why a rule blocks a channel. */
    record Block(String rule, String reason) {
    }

    /** "no consent to contact on SMS", per channel: the same words for every candidate of every decision. */
    private static final String[] NO_CONSENT = java.util.Arrays.stream(Channel.values())
            .map(c -> "no consent to contact on " + PolicyText.channel(c)).toArray(String[]::new);

    private PolicyCheck() {
    }

    static Optional<Block> consent(ContactPolicy policy, Situation situation, Channel channel) {
        if (!policy.needsConsent(channel) || situation.customer().consentsTo(channel)) {
            return Optional.empty();
        }
        return Optional.of(new Block(policy.consentRule(channel), NO_CONSENT[channel.ordinal()]));
    }

    static Optional<Block> cap(PolicyRule rule, Situation situation, ContactHistory history, Candidate candidate,
                               Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return Optional.empty();
        }
        Instant now = situation.now();
        Instant from = now.minus(rule.window());
        List<ContactEvent> hits = history.events().stream()
                .filter(e -> e.type() == ContactEventType.OFFERED)
                .filter(e -> e.at().isAfter(from) && !e.at().isAfter(now))
                .filter(e -> counts(rule, e, candidate, channel))
                .toList();
        int limit = rule.count();
        if (hits.size() < limit) {
            return Optional.empty();
        }
        Instant reopens = hits.get(hits.size() - limit).at().plus(rule.window());
        return Optional.of(new Block(rule.name(), String.format("%s cap %d per %s reached: %d sent, last on %s; "
                        + "next allowed from %s", scope(rule, candidate, channel), limit,
                PolicyText.duration(rule.window()), hits.size(), PolicyText.instant(hits.get(hits.size() - 1).at()),
                PolicyText.instant(reopens))));
    }

    static Optional<Block> rest(PolicyRule rule, Situation situation, ContactHistory history, Candidate candidate,
                                Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return Optional.empty();
        }
        Instant now = situation.now();
        List<ContactEvent> hits = history.events().stream()
                .filter(e -> e.type() == rule.outcome() && !e.at().isAfter(now))
                .filter(e -> counts(rule, e, candidate, channel))
                .toList();
        int needed = rule.count();
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
            return Optional.empty();
        }
        String what = needed == 1 ? rule.outcome().code() + " on " + PolicyText.instant(trigger.at())
                : needed + " " + rule.outcome().code() + (rule.window() == null ? ""
                        : " within " + PolicyText.duration(rule.window())) + ", the last on "
                        + PolicyText.instant(trigger.at());
        return Optional.of(new Block(rule.name(), String.format("%s rests %s after %s: resting until %s",
                scope(rule, candidate, channel), PolicyText.duration(rule.rest()), what,
                PolicyText.instant(until))));
    }

    static Optional<Block> hours(PolicyRule rule, Situation situation, Candidate candidate, Channel channel) {
        if (!applies(rule, candidate, channel)) {
            return Optional.empty();
        }
        boolean inside = rule.hours().contains(situation.localTime());
        boolean blocked = rule.kind() == PolicyRule.Kind.QUIET_HOURS ? inside : !inside;
        if (!blocked) {
            return Optional.empty();
        }
        String local = "customer local time " + situation.localTime().withSecond(0).withNano(0) + " "
                + situation.customer().timeZone().getId();
        return Optional.of(new Block(rule.name(), rule.kind() == PolicyRule.Kind.QUIET_HOURS
                ? "quiet hours " + rule.hours() + " on " + PolicyText.channel(channel) + " (" + local + ")"
                : PolicyText.channel(channel) + " only between " + rule.hours() + " (" + local + ")"));
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
