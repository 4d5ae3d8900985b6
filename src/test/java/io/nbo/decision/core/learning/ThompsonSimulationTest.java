package io.nbo.decision.core.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.PropensityEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * A simulation with known true response rates, fixed seed: each round one customer gets the offer with the highest
 * propensity, responds with the offer's true rate, and the counts learn from it. Learning with Thompson sampling
 * finds the best offer, still shows an offer added half way, and loses far less than ranking by the fixed prior.
 */
class ThompsonSimulationTest {

    private static final Map<String, Double> TRUE_RATE = Map.of("A", 0.04, "B", 0.06, "C", 0.12, "NEW", 0.20);
    /** The fixed prior believes A is best (as a kind-based prior can): the baseline never learns otherwise. */
    private static final Map<String, Double> PRIOR = Map.of("A", 0.10, "B", 0.08, "C", 0.05, "NEW", 0.05);
    private static final int ROUNDS = 20_000;
    private static final int NEW_FROM = 10_000;

    private final SplittableRandom random = new SplittableRandom(20261123L);
    private final LearnedPropensity model = new LearnedPropensity((c, o) -> 0.0, () -> LearnedCounts.EMPTY,
            (c, o) -> OptionalDouble.empty(), () -> (RandomGenerator) random,
            new LearnedPropensity.Settings(true, true, 20));

    @Test
    void learnsTheBestOfferShowsANewOneAndBeatsTheFixedPrior() {
        LearnedCounts counts = LearnedCounts.EMPTY;
        Map<String, Integer> shown = new LinkedHashMap<>();
        int bestInLastThousand = 0;
        int newInLastThousand = 0;
        double regret = 0;
        double baselineRegret = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<String> offers = round < NEW_FROM ? List.of("A", "B", "C") : List.of("A", "B", "C", "NEW");
            String best = round < NEW_FROM ? "C" : "NEW";
            String pick = null;
            double top = -1;
            for (String offer : offers) {
                PropensityEstimate e = model.estimate(counts, offer, "loyal", "email", PRIOR.get(offer));
                if (e.value() > top) {
                    top = e.value();
                    pick = offer;
                }
            }
            boolean responded = random.nextDouble() < TRUE_RATE.get(pick);
            counts = counts.plus(pick, "loyal", "email", new Counts(1, responded ? 1 : 0));
            shown.merge(pick, 1, Integer::sum);
            regret += TRUE_RATE.get(best) - TRUE_RATE.get(pick);
            baselineRegret += TRUE_RATE.get(best) - TRUE_RATE.get("A"); // the prior always ranks A first
            if (round >= ROUNDS - 1_000) {
                bestInLastThousand += pick.equals(best) ? 1 : 0;
            }
            if (round >= NEW_FROM && round < NEW_FROM + 1_000) {
                newInLastThousand += pick.equals("NEW") ? 1 : 0;
            }
        }
        System.out.printf("shown %s; cumulative regret learned %.1f vs fixed prior %.1f over %d rounds%n", shown,
                regret, baselineRegret, ROUNDS);
        assertThat(bestInLastThousand).as("best offer first in the last 1,000 rounds").isGreaterThan(900);
        assertThat(newInLastThousand).as("the new offer, in the 1,000 rounds after it was added")
                .isGreaterThan(100);
        assertThat(regret).as("cumulative regret, learned").isLessThan(baselineRegret * 0.15);
        assertThat(shown.get("A")).as("the prior's favourite still gets tried").isGreaterThan(20);
    }

    @Test
    void withoutExplorationTheEstimateIsThePosteriorMeanAndSaysWhereItCameFrom() {
        LearnedPropensity greedy = new LearnedPropensity((c, o) -> 0.0, () -> LearnedCounts.EMPTY,
                (c, o) -> OptionalDouble.empty(), () -> (RandomGenerator) random,
                new LearnedPropensity.Settings(true, false, 20));
        assertThat(greedy.estimate(LearnedCounts.EMPTY, "A", "loyal", "email", 0.1))
                .isEqualTo(new PropensityEstimate("prior", null, 0, 0, 0.1, 0.1, false));
        LearnedCounts counts = LearnedCounts.EMPTY.plus("A", "loyal", "email", new Counts(80, 20))
                .plus("A", "new", "sms", new Counts(100, 0));
        // offer: Beta(0.1*20 + 20, 0.9*20 + 160) = Beta(22, 178), mean 0.11
        // segment loyal: Beta(0.11*20 + 20, 0.89*20 + 60) = Beta(22.2, 77.8), mean 0.222
        // channel email: Beta(0.222*20 + 20, 0.778*20 + 60) = Beta(24.44, 75.56), mean 0.2444
        PropensityEstimate channel = greedy.estimate(counts, "A", "loyal", "email", 0.1);
        assertThat(channel.source()).isEqualTo("learned");
        assertThat(channel.level()).isEqualTo("channel");
        assertThat(channel.contacts()).isEqualTo(80);
        assertThat(channel.responses()).isEqualTo(20);
        assertThat(channel.mean()).isCloseTo(0.2444, org.assertj.core.data.Offset.offset(1e-9));
        PropensityEstimate segment = greedy.estimate(counts, "A", "loyal", "push", 0.1);
        assertThat(segment.level()).isEqualTo("segment");
        assertThat(segment.mean()).isCloseTo(0.222, org.assertj.core.data.Offset.offset(1e-9));
        PropensityEstimate offer = greedy.estimate(counts, "A", "vip", "push", 0.1);
        assertThat(offer.level()).isEqualTo("offer");
        assertThat(offer.contacts()).isEqualTo(180);
        assertThat(offer.mean()).isCloseTo(0.11, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aReplayedHistoryWithKnownPerSegmentRatesIsRecovered() {
        Map<String, Double> rates = Map.of("new", 0.02, "loyal", 0.15, "lapsed", 0.05);
        LearnedCounts counts = LearnedCounts.EMPTY;
        Map<String, long[]> tally = new LinkedHashMap<>();
        for (int i = 0; i < 60_000; i++) {
            String segment = List.of("new", "loyal", "lapsed").get(i % 3);
            boolean yes = random.nextDouble() < rates.get(segment);
            long[] t = tally.computeIfAbsent(segment, s -> new long[2]);
            t[0]++;
            t[1] += yes ? 1 : 0;
        }
        for (Map.Entry<String, long[]> t : tally.entrySet()) {
            counts = counts.plus("COFFEE-AM", t.getKey(), "email", new Counts(t.getValue()[0], t.getValue()[1]));
        }
        LearnedPropensity greedy = new LearnedPropensity((c, o) -> 0.0, () -> LearnedCounts.EMPTY,
                (c, o) -> OptionalDouble.empty(), () -> (RandomGenerator) random,
                new LearnedPropensity.Settings(true, false, 20));
        for (Map.Entry<String, Double> rate : rates.entrySet()) {
            PropensityEstimate e = greedy.estimate(counts, "COFFEE-AM", rate.getKey(), "email", 0.10);
            assertThat(e.mean()).as(rate.getKey()).isCloseTo(rate.getValue(),
                    org.assertj.core.data.Offset.offset(0.006));
        }
    }
}
