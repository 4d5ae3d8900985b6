package io.nbo.decision.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Assignment is a pure function of customer id, layer and experiment key: shares, stickiness, layers. */
class ExperimentAssignmentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final int IDS = 100_000;

    static Experiment experiment(String key, String layer, int from, int to, Arm... arms) {
        return new Experiment(key, 1, key, layer, from, to, List.of(arms), Set.of("COFFEE-AM"), Set.of(),
                Instant.parse("2026-11-01T00:00:00Z"), null);
    }

    static String id(int i) {
        return String.format("C%07d", i);
    }

    @Test
    void armSharesHoldWithinHalfAPointOver100000Ids() {
        ExperimentSet set = new ExperimentSet(List.of(experiment("coffee", "campaigns", 0, 10_000,
                new Arm("control", 0.1, true, true, 1), new Arm("current", 0.6, false, false, 1),
                new Arm("boost", 0.3, false, false, 2))));
        Map<String, Integer> perArm = new HashMap<>();
        for (int i = 0; i < IDS; i++) {
            List<Assignment> arms = set.assign(id(i), Set.of(), NOW);
            assertThat(arms).hasSize(1);
            perArm.merge(arms.get(0).arm(), 1, Integer::sum);
        }
        assertThat(perArm.get("control") / (double) IDS).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.005));
        assertThat(perArm.get("current") / (double) IDS).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.005));
        assertThat(perArm.get("boost") / (double) IDS).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void aCustomersArmIsTheSameForAFreshSetAndKnownFixedBuckets() {
        ExperimentSet first = new ExperimentSet(List.of(experiment("coffee", "campaigns", 0, 10_000,
                new Arm("control", 0.5, true, true, 1), new Arm("treatment", 0.5, false, false, 1))));
        ExperimentSet restarted = new ExperimentSet(List.of(experiment("coffee", "campaigns", 0, 10_000,
                new Arm("control", 0.5, true, true, 1), new Arm("treatment", 0.5, false, false, 1))));
        for (int i = 0; i < 10_000; i++) {
            assertThat(restarted.assign(id(i), Set.of(), NOW)).isEqualTo(first.assign(id(i), Set.of(), NOW));
        }
        // Pinned values: a change of hash would move every running experiment's customers between arms.
        assertThat(List.of(Buckets.of("coffee", "C0000001"), Buckets.of("campaigns", "C0000001"),
                Buckets.of("holdout", "C0000002"))).containsExactly(2510, 1393, 2787);
    }

    @Test
    void noIdIsInTwoExperimentsOfOneLayerAndLayersAreIndependent() {
        Arm control = new Arm("control", 0.5, true, true, 1);
        Arm treat = new Arm("treatment", 0.5, false, false, 1);
        ExperimentSet set = new ExperimentSet(List.of(
                experiment("a", "campaigns", 0, 3_000, control, treat),
                experiment("b", "campaigns", 3_000, 8_000, control, treat),
                experiment("holdout", "global", 0, 10_000, new Arm("control", 0.05, true, true, 1),
                        new Arm("treatment", 0.95, false, false, 1))));
        int inA = 0;
        int inB = 0;
        int inNeither = 0;
        int inAandHoldoutControl = 0;
        int inA2 = 0;
        for (int i = 0; i < IDS; i++) {
            List<Assignment> arms = set.assign(id(i), Set.of(), NOW);
            long campaigns = arms.stream().filter(a -> a.layer().equals("campaigns")).count();
            assertThat(campaigns).as(id(i)).isLessThanOrEqualTo(1);
            assertThat(arms.stream().filter(a -> a.layer().equals("global")).count()).isEqualTo(1);
            boolean a = arms.stream().anyMatch(x -> x.experimentKey().equals("a"));
            inA += a ? 1 : 0;
            inB += arms.stream().anyMatch(x -> x.experimentKey().equals("b")) ? 1 : 0;
            inNeither += campaigns == 0 ? 1 : 0;
            if (a) {
                inA2++;
                inAandHoldoutControl += arms.stream().anyMatch(x -> x.layer().equals("global") && x.control()) ? 1 : 0;
            }
        }
        assertThat(inA / (double) IDS).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.006));
        assertThat(inB / (double) IDS).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.006));
        assertThat(inNeither / (double) IDS).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.006));
        // the holdout's control is 5% of experiment a's customers too: layers are hashed independently
        assertThat(inAandHoldoutControl / (double) inA2).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void overlappingRangesInOneLayerAreRefused() {
        Arm control = new Arm("control", 0.5, true, true, 1);
        Arm treat = new Arm("treatment", 0.5, false, false, 1);
        assertThatThrownBy(() -> new ExperimentSet(List.of(experiment("a", "campaigns", 0, 5_000, control, treat),
                experiment("b", "campaigns", 4_999, 8_000, control, treat))))
                .hasMessage("experiments a and b overlap in layer campaigns");
    }

    @Test
    void targetSegmentsAndDatesDecideWhoIsIn() {
        Experiment vip = new Experiment("vip", 2, "VIP test", "campaigns", 0, 10_000,
                List.of(new Arm("control", 0.5, true, true, 1), new Arm("t", 0.5, false, false, 1)), Set.of(),
                Set.of("vip"), Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
        ExperimentSet set = new ExperimentSet(List.of(vip));
        assertThat(set.assign("C1", Set.of("bargain"), NOW)).isEmpty();
        assertThat(set.assign("C1", Set.of("vip"), NOW)).hasSize(1);
        assertThat(set.assign("C1", Set.of("vip"), Instant.parse("2026-11-30T00:00:00Z"))).isEmpty();
        assertThat(set.assign("C1", Set.of("vip"), Instant.parse("2026-11-19T23:59:59Z"))).isEmpty();
        assertThat(set.assign("C1", Set.of("vip"), NOW).get(0).version()).isEqualTo(2);
    }
}
