package io.nbo.rules.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.fixtures.SampleRules;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleSource;
import io.nbo.rules.compile.RuleSourceLoader;
import io.nbo.rules.validate.DraftChecker;
import io.nbo.sample.CustomerGenerator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fast path, reference path, one answer: the column index must give exactly what Drools gives for the same tables,
 * for every customer and context: the same offers made eligible and excluded by the same rows in the same order, the
 * same weights to the last bit, channels, micro-segments and fired rows in firing order. Checked on the sample
 * tables and on random tables of every column shape, over generated customers (visitors with no age or spend among
 * them) at every touchpoint, hour and day.
 */
class IndexAgreesWithDroolsTest {

    private final DraftChecker checker = new DraftChecker();
    private final CustomerGenerator customers = new CustomerGenerator(7);

    @Test
    void theSampleTablesAgreeForTwoThousandSituations() {
        List<RuleSource> tables = new RuleSourceLoader().loadAll(Path.of("decision-tables"), Path.of("no-drl"));
        CompiledRuleSet rules = checker.compile(tables);

        assertThat(disagreements(rules, 2000, 11)).isEmpty();
    }

    @Test
    void theServersEvaluationOfTablesAndDeveloperDrlAgreesWithOneDroolsSession() {
        CompiledRuleSet rules = SampleRules.ruleSet();
        Random random = new Random(5);
        List<String> found = new ArrayList<>();

        assertThat(rules.indexed()).isTrue();
        for (int i = 0; i < 2000 && found.size() < 3; i++) {
            Situation situation = situation(random, i);
            EligibilityResult drools = rules.evaluateWithDrools(situation);
            EligibilityResult served = rules.evaluate(situation, List.of());
            if (!same(drools, served)) {
                found.add(situation + "\n  drools: " + drools + "\n  served: " + served);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void randomTablesOfEveryShapeAgree() {
        List<String> found = new ArrayList<>();
        for (long s = 1; s <= 40; s++) {
            long seed = s;
            List<RuleSource> files = List.of(RandomTables.file("a" + seed + ".drl.csv", seed, 40),
                    RandomTables.file("b" + seed + ".drl.csv", seed * 1000, 25));
            CompiledRuleSet rules = checker.compile(files);
            assertThat(rules.evaluateIndexed(situation(new Random(seed), 0))).as("indexed").isPresent();
            disagreements(rules, 150, seed).stream().limit(3).map(d -> "seed " + seed + ": " + d).forEach(found::add);
        }
        assertThat(found).isEmpty();
    }

    private List<String> disagreements(CompiledRuleSet rules, int situations, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < situations; i++) {
            Situation situation = situation(random, i);
            EligibilityResult drools = rules.evaluateWithDrools(situation);
            EligibilityResult indexed = rules.evaluateIndexed(situation).orElseThrow();
            if (!same(drools, indexed)) {
                out.add(situation.customer().id() + " at " + situation.touchpoint() + " " + situation
                        .customerLocalTime() + " " + situation.context() + "\n  drools: " + drools + "\n  index:  "
                        + indexed);
            }
        }
        return out;
    }

    private static boolean same(EligibilityResult a, EligibilityResult b) {
        if (!a.firedRules().equals(b.firedRules()) || !a.assignedSegments().equals(b.assignedSegments())
                || !a.verdicts().keySet().equals(b.verdicts().keySet())) {
            return false;
        }
        for (Map.Entry<String, EligibilityResult.Verdict> v : a.verdicts().entrySet()) {
            EligibilityResult.Verdict w = b.verdicts().get(v.getKey());
            if (!v.getValue().eligibleBy().equals(w.eligibleBy()) || !v.getValue().excludedBy().equals(w.excludedBy())
                    || Double.doubleToLongBits(v.getValue().weight()) != Double.doubleToLongBits(w.weight())
                    || v.getValue().channel() != w.channel()) {
                return false;
            }
        }
        return true;
    }

    private Situation situation(Random random, int i) {
        CustomerProfile customer = random.nextInt(6) == 0
                ? CustomerProfile.anonymous("V" + i, ZoneOffset.UTC) : customers.customer(1 + random.nextInt(50_000));
        Channel touchpoint = Channel.values()[random.nextInt(Channel.values().length)];
        Map<String, String> context = random.nextBoolean() ? Map.of()
                : Map.of("campaign", random.nextBoolean() ? "spring" : "summer");
        LocalDateTime at = LocalDateTime.of(LocalDate.of(2026, 11, 23).plusDays(random.nextInt(7)),
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)));
        return new Situation(customer, touchpoint, context, at, 5, Instant.parse("2026-11-23T12:00:00Z"));
    }
}
