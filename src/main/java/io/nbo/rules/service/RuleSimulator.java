package io.nbo.rules.service;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.persistence.CustomerRepository;
import io.nbo.profile.persistence.ProfileMapper;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.validate.DraftReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What-if: evaluates a draft and the live rule set for a sample of stored customers at a touchpoint and time, and
 * reports per offer how many customers are eligible under each and who gains or loses it. Nothing goes live.
 */
@ApplicationScoped
public class RuleSimulator {

    private static final int EXAMPLES = 5;

    private final RuleSetService rules;
    private final RuleEngine engine;
    private final CustomerRepository customers;
    private final Clock clock;

    public RuleSimulator(RuleSetService rules, RuleEngine engine, CustomerRepository customers, Clock clock) {
        this.rules = rules;
        this.engine = engine;
        this.customers = customers;
        this.clock = clock;
    }

    /** The result of a simulation. */
    public record Simulation(String liveVersion, String draftVersion, int customers, int customersChanged,
                             Channel touchpoint, LocalTime localTime, List<OfferChange> offers,
                             List<RuleProblem> warnings) {
    }

    /** One offer: eligible customers live and in the draft, customers gaining and losing it, with a few examples. */
    public record OfferChange(String offerId, int live, int draft, int gained, int lost, List<String> gainedBy,
                              List<String> lostBy) {
    }

    public Simulation simulate(String name, byte[] bytes, Actor actor, int sample, Channel touchpoint,
                               LocalTime localTime) {
        DraftReport draft = rules.draft(name, bytes, actor);
        CompiledRuleSet live = engine.live();
        List<CustomerProfile> profiles = QuarkusTransaction.joiningExisting().call(() -> customers
                .findAll(Sort.by("id")).page(0, sample).list().stream().map(ProfileMapper::toProfile).toList());
        LocalDate today = LocalDate.now(clock);
        Map<String, Tally> tallies = new TreeMap<>();
        int changed = 0;
        for (CustomerProfile customer : profiles) {
            Situation situation = new Situation(customer, touchpoint, Map.of(), LocalDateTime.of(today, localTime), 5,
                    clock.instant());
            Set<String> before = eligible(live.evaluate(situation, List.of()));
            Set<String> after = eligible(draft.compiled().evaluate(situation, List.of()));
            changed += before.equals(after) ? 0 : 1;
            before.forEach(o -> tallies.computeIfAbsent(o, k -> new Tally()).live++);
            after.forEach(o -> tallies.computeIfAbsent(o, k -> new Tally()).draft++);
            after.stream().filter(o -> !before.contains(o)).forEach(o -> tallies.get(o).gain(customer.id()));
            before.stream().filter(o -> !after.contains(o)).forEach(o -> tallies.get(o).lose(customer.id()));
        }
        List<OfferChange> offers = new ArrayList<>();
        tallies.forEach((id, t) -> offers.add(new OfferChange(id, t.live, t.draft, t.gained, t.lost,
                List.copyOf(t.gainedBy), List.copyOf(t.lostBy))));
        offers.sort(Comparator.comparingInt((OfferChange o) -> -(o.gained() + o.lost()))
                .thenComparing(OfferChange::offerId));
        return new Simulation(live.version(), draft.version(), profiles.size(), changed, touchpoint, localTime, offers,
                draft.warnings());
    }

    private static Set<String> eligible(EligibilityResult result) {
        return result.verdicts().entrySet().stream()
                .filter(e -> !e.getValue().eligibleBy().isEmpty() && e.getValue().excludedBy().isEmpty())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static final class Tally {
        int live;
        int draft;
        int gained;
        int lost;
        final List<String> gainedBy = new ArrayList<>();
        final List<String> lostBy = new ArrayList<>();

        void gain(String customer) {
            gained++;
            if (gainedBy.size() < EXAMPLES) {
                gainedBy.add(customer);
            }
        }

        void lose(String customer) {
            lost++;
            if (lostBy.size() < EXAMPLES) {
                lostBy.add(customer);
            }
        }
    }
}
