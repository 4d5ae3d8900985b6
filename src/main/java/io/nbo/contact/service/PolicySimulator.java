package io.nbo.contact.service;

import io.nbo.config.NboConfig;
import io.nbo.contact.policy.PolicyDraft;
import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.decision.core.Rejection;
import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.VolumeLedger;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ProfileMapper;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.service.RuleEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What-if for the contact policy: decides for a sample of stored customers, at a touchpoint and local time, once with
 * the live policy and once with a draft, through the standard pipeline (the live rule set, the customers' real contact
 * histories), and reports per offer how many customers would be made it under each and who gains or loses it, per
 * channel how many offers go out, and per rule how many offers it keeps from customers. Nothing goes live and no
 * stock or budget is taken: volume limits count as the live counters say.
 */
@ApplicationScoped
public class PolicySimulator {

    private static final int EXAMPLES = 5;

    private final PolicyService policy;
    private final RuleEngine engine;
    private final OfferCatalogue catalogue;
    private final CustomerRepository customers;
    private final ContactHistoryStore histories;
    private final JdbcVolumeLedger volumes;
    private final Clock clock;
    private final int limit;

    public PolicySimulator(PolicyService policy, RuleEngine engine, OfferCatalogue catalogue,
                           CustomerRepository customers, ContactHistoryStore histories, JdbcVolumeLedger volumes,
                           Clock clock, NboConfig config) {
        this.policy = policy;
        this.engine = engine;
        this.catalogue = catalogue;
        this.customers = customers;
        this.histories = histories;
        this.volumes = volumes;
        this.clock = clock;
        this.limit = config.decision().defaultLimit();
    }

    /** The result of a simulation. */
    public record Simulation(String liveVersion, String draftVersion, int customers, int customersChanged,
                             Channel touchpoint, LocalTime localTime, List<OfferChange> offers,
                             List<Count> channels, List<Count> rules, List<RuleProblem> warnings) {
    }

    /** One offer: customers it is made to live and in the draft, customers gaining and losing it, a few examples. */
    public record OfferChange(String offerId, int live, int draft, int gained, int lost, List<String> gainedBy,
                              List<String> lostBy) {
    }

    /** Offers going out by a channel, or offers a rule keeps from customers, live and in the draft. */
    public record Count(String name, int live, int draft) {
    }

    public Simulation simulate(byte[] bytes, int sample, Channel touchpoint, LocalTime localTime) {
        PolicyDraft draft = policy.draft(bytes);
        ContactPolicy live = policy.current();
        CompiledRuleSet rules = engine.live();
        List<Offer> offers = catalogue.offers();
        DecisionPipeline before = pipeline(rules, live);
        DecisionPipeline after = pipeline(rules, draft.policy());
        List<CustomerProfile> profiles = QuarkusTransaction.joiningExisting().call(() -> customers
                .findAll(Sort.by("id")).page(0, sample).list().stream().map(ProfileMapper::toProfile).toList());
        Map<String, OfferChange> byOffer = new TreeMap<>();
        Map<String, int[]> channels = new TreeMap<>();
        Map<String, int[]> blocks = new TreeMap<>();
        int changed = 0;
        for (CustomerProfile customer : profiles) {
            DecisionRequest request = new DecisionRequest(customer.id(), touchpoint, Map.of(), localTime, limit, false);
            Decision a = before.decide(request, customer, offers);
            Decision b = after.decide(request, customer, offers);
            changed += made(a).equals(made(b)) ? 0 : 1;
            tally(a, b, customer.id(), byOffer);
            a.offers().forEach(c -> channels.computeIfAbsent(c.candidate().channel().code(), k -> new int[2])[0]++);
            b.offers().forEach(c -> channels.computeIfAbsent(c.candidate().channel().code(), k -> new int[2])[1]++);
            policyRules(a).forEach(r -> blocks.computeIfAbsent(r, k -> new int[2])[0]++);
            policyRules(b).forEach(r -> blocks.computeIfAbsent(r, k -> new int[2])[1]++);
        }
        List<OfferChange> changes = new ArrayList<>(byOffer.values());
        changes.sort(Comparator.comparingInt((OfferChange o) -> -(o.gained() + o.lost()))
                .thenComparing(OfferChange::offerId));
        return new Simulation(live.version(), draft.version(), profiles.size(), changed, touchpoint, localTime,
                changes, counts(channels), counts(blocks), draft.warnings());
    }

    private DecisionPipeline pipeline(CompiledRuleSet rules, ContactPolicy contactPolicy) {
        return DecisionPipeline.standard(rules::evaluate, new AffinityPropensity(),
                new ContactLimits(() -> contactPolicy, histories, new LookOnly(volumes)), new FallbackOffer(null),
                clock, () -> "simulation");
    }

    private static List<String> made(Decision decision) {
        return decision.offers().stream().map(c -> c.candidate().offerId() + "@" + c.candidate().channel().code())
                .toList();
    }

    private static List<String> policyRules(Decision decision) {
        return decision.notChosen().stream().filter(r -> r.stage() == Rejection.Stage.POLICY).map(Rejection::rule)
                .toList();
    }

    private static void tally(Decision live, Decision draft, String customer, Map<String, OfferChange> byOffer) {
        List<String> before = live.offers().stream().map(c -> c.candidate().offerId()).toList();
        List<String> after = draft.offers().stream().map(c -> c.candidate().offerId()).toList();
        for (String offer : before) {
            boolean lost = !after.contains(offer);
            byOffer.merge(offer, change(offer, 1, 0, false, lost, customer), PolicySimulator::add);
        }
        for (String offer : after) {
            boolean gained = !before.contains(offer);
            byOffer.merge(offer, change(offer, 0, 1, gained, false, customer), PolicySimulator::add);
        }
    }

    private static OfferChange change(String offer, int live, int draft, boolean gained, boolean lost,
                                      String customer) {
        return new OfferChange(offer, live, draft, gained ? 1 : 0, lost ? 1 : 0,
                gained ? List.of(customer) : List.of(), lost ? List.of(customer) : List.of());
    }

    private static OfferChange add(OfferChange a, OfferChange b) {
        return new OfferChange(a.offerId(), a.live() + b.live(), a.draft() + b.draft(), a.gained() + b.gained(),
                a.lost() + b.lost(), examples(a.gainedBy(), b.gainedBy()), examples(a.lostBy(), b.lostBy()));
    }

    private static List<String> examples(List<String> a, List<String> b) {
        if (b.isEmpty() || a.size() >= EXAMPLES) {
            return a;
        }
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out.subList(0, Math.min(EXAMPLES, out.size())));
    }

    private static List<Count> counts(Map<String, int[]> counts) {
        List<Count> out = new ArrayList<>();
        counts.forEach((name, n) -> out.add(new Count(name, n[0], n[1])));
        return out;
    }

    /** The live counters, looked at only: a simulated offer never takes or gives back stock or budget. */
    private record LookOnly(VolumeLedger ledger) implements VolumeLedger {

        @Override
        public boolean claim(PolicyRule rule, BigDecimal amount) {
            return !ledger.exhausted(rule);
        }

        @Override
        public void release(PolicyRule rule, BigDecimal amount) {
        }

        @Override
        public boolean exhausted(PolicyRule rule) {
            return ledger.exhausted(rule);
        }

        @Override
        public BigDecimal remaining(PolicyRule rule) {
            return ledger.remaining(rule);
        }
    }
}
