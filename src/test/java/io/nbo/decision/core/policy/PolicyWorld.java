package io.nbo.decision.core.policy;

import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small world for policy tests, as values: a policy written as the marketers' table, a contact history, an
 * in-memory volume ledger, offers every customer is eligible for, and the standard pipeline (policy, channel,
 * arbitration with volume claims) deciding at a given instant.
 */
final class PolicyWorld {

    static final String HEADER = "Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost\n";

    private final ContactPolicy policy;
    private final List<ContactEvent> events = new ArrayList<>();
    private final MemoryLedger ledger = new MemoryLedger();
    private final AtomicInteger ids = new AtomicInteger();

    private PolicyWorld(ContactPolicy policy) {
        this.policy = policy;
    }

    /** A world whose policy is these table rows (under the standard header). */
    static PolicyWorld policy(String rows) {
        return new PolicyWorld(new PolicyTableReader().read("contact-policy.csv", HEADER + rows));
    }

    static Offer offer(String id, String group, Channel... channels) {
        return new Offer(id, id, null, "general", OfferKind.COUPON, BigDecimal.TEN, Set.of(channels), null, null, null,
                group, 1.0, true);
    }

    /** Adds an event for customer-independent tests (the history belongs to whoever is decided for). */
    PolicyWorld event(String offerId, String group, Channel channel, ContactEventType type, String at) {
        events.add(new ContactEvent("h-" + events.size(), offerId, group, channel, type, Instant.parse(at), null));
        return this;
    }

    MemoryLedger ledger() {
        return ledger;
    }

    /** Decides for the customer at the instant, with every offer eligible, keeping the offers made as history. */
    Decision decide(String at, CustomerProfile customer, Channel touchpoint, int limit, Offer... offers) {
        return decide(at, customer, touchpoint, limit, false, offers);
    }

    /** A dry run: decided the same way, but (as the server does) not kept as history. */
    Decision dryRun(String at, CustomerProfile customer, Channel touchpoint, int limit, Offer... offers) {
        return decide(at, customer, touchpoint, limit, true, offers);
    }

    private Decision decide(String at, CustomerProfile customer, Channel touchpoint, int limit, boolean dry,
                            Offer... offers) {
        EligibilityEngine everyone = (situation, candidates) -> new EligibilityResult("test",
                candidates.stream().collect(Collectors.toMap(Offer::id,
                        o -> new EligibilityResult.Verdict(List.of("test row"), List.of(), 1.0, null))),
                List.of(), Set.of());
        DecisionPipeline pipeline = DecisionPipeline.standard(everyone, new AffinityPropensity(),
                new ContactLimits(() -> policy, id -> new ContactHistory(id, events), ledger), new FallbackOffer(null),
                Clock.fixed(Instant.parse(at), ZoneOffset.UTC),
                () -> "d-" + ids.incrementAndGet());
        Decision decision = pipeline.decide(new DecisionRequest(customer.id(), touchpoint, Map.of(), null, limit,
                true, dry), customer, List.of(offers));
        if (dry) {
            return decision;
        }
        decision.offers().forEach(c -> events.add(new ContactEvent(decision.decisionId(), c.candidate().offerId(),
                c.candidate().offer().offerGroup(), c.candidate().channel(), ContactEventType.OFFERED,
                decision.decidedAt(), null)));
        return decision;
    }

    /** "OFFER@channel" of each offer made, in rank order. */
    static List<String> made(Decision decision) {
        return decision.offers().stream().map(c -> c.candidate().offerId() + "@" + c.candidate().channel().code())
                .toList();
    }

    /** The why-not of an offer, or null when it was not dropped. */
    static String whyNot(Decision decision, String offerId) {
        return decision.notChosen().stream().filter(r -> r.offerId().equals(offerId))
                .map(r -> r.stage().name().toLowerCase() + " [" + r.rule() + "] " + r.reason())
                .findFirst().orElse(null);
    }

    /** A ledger in memory whose claims are atomic (compare-and-set under a lock), like the database's. */
    static final class MemoryLedger implements VolumeLedger {
        private final Map<String, BigDecimal> used = new HashMap<>();
        private final Map<String, Boolean> soldOut = new HashMap<>();

        @Override
        public synchronized boolean claim(PolicyRule rule, BigDecimal amount) {
            BigDecimal next = used.getOrDefault(rule.name(), BigDecimal.ZERO).add(amount);
            if (next.compareTo(rule.limit()) > 0) {
                soldOut.put(rule.name(), true);
                return false;
            }
            used.put(rule.name(), next);
            return true;
        }

        @Override
        public synchronized void release(PolicyRule rule, BigDecimal amount) {
            used.merge(rule.name(), amount.negate(), BigDecimal::add);
            soldOut.remove(rule.name());
        }

        @Override
        public synchronized boolean exhausted(PolicyRule rule) {
            return soldOut.containsKey(rule.name());
        }

        @Override
        public synchronized BigDecimal remaining(PolicyRule rule) {
            return rule.limit().subtract(used.getOrDefault(rule.name(), BigDecimal.ZERO));
        }

        synchronized BigDecimal used(String rule) {
            return used.getOrDefault(rule, BigDecimal.ZERO);
        }
    }
}
