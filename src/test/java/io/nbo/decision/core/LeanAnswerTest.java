package io.nbo.decision.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.fixtures.SampleRules;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.sample.CustomerGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An answer without the full explanation is the same answer: for generated customers and visitors at every touchpoint
 * and hour, the lean pipeline (which visits only the offers rows made eligible) chooses exactly the offers, channels
 * and scores of the explained one, and explains exactly the eligible offers a later stage dropped; explained later
 * ({@link Decision#explainedInFull()}), it says for every offer exactly what the explained answer says, in its order
 * for the offers that never became candidates.
 */
class LeanAnswerTest {

    private static final Set<Rejection.Stage> LATER = Set.of(Rejection.Stage.POLICY, Rejection.Stage.EXPERIMENT,
            Rejection.Stage.CHANNEL, Rejection.Stage.ARBITRATION);

    @Test
    void leanAndExplainedAnswersChooseTheSameAndExplainTheSameLaterForTwoThousandSituations() {
        DecisionPipeline pipeline = DecisionPipeline.standard(SampleRules.ruleSet()::evaluate,
                new AffinityPropensity(), ContactLimits.none(),
                new FallbackOffer("WELCOME-10"), Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC),
                () -> "d-1");
        CustomerGenerator customers = new CustomerGenerator(3);
        Random random = new Random(3);
        List<String> differences = new ArrayList<>();
        int withOffers = 0;
        for (int i = 0; i < 2000; i++) {
            CustomerProfile customer = random.nextInt(5) == 0 ? CustomerProfile.anonymous("V" + i, ZoneOffset.UTC)
                    : customers.customer(1 + random.nextInt(100_000));
            Channel touchpoint = Channel.values()[random.nextInt(Channel.values().length)];
            LocalTime time = LocalTime.of(random.nextInt(24), 15 * random.nextInt(4));
            Decision explained = pipeline.decide(new DecisionRequest(customer.id(), touchpoint, Map.of(), time, 3,
                    true), customer, SampleRules.catalogue());
            Decision lean = pipeline.decide(new DecisionRequest(customer.id(), touchpoint, Map.of(), time, 3, false),
                    customer, SampleRules.catalogue());
            withOffers += explained.offers().isEmpty() ? 0 : 1;
            List<Rejection> later = explained.notChosen().stream().filter(r -> LATER.contains(r.stage())).toList();
            if (!lean.offers().equals(explained.offers()) || lean.fallback() != explained.fallback()
                    || !Set.copyOf(lean.notChosen()).equals(Set.copyOf(later)) || !lean.firedRules()
                    .equals(explained.firedRules())) {
                differences.add(customer.id() + " " + touchpoint + " " + time + "\n  explained: " + explained
                        + "\n  lean:      " + lean);
            }
            Decision later2 = lean.explainedInFull();
            List<Rejection> early = explained.notChosen().stream().filter(r -> !LATER.contains(r.stage())).toList();
            if (!later2.explained() || !later2.offers().equals(explained.offers())
                    || !later2.notChosen().subList(0, Math.min(early.size(), later2.notChosen().size())).equals(early)
                    || later2.notChosen().size() != explained.notChosen().size()
                    || !Set.copyOf(later2.notChosen()).equals(Set.copyOf(explained.notChosen()))) {
                differences.add(customer.id() + " " + touchpoint + " " + time + " explained later\n  explained: "
                        + explained.notChosen() + "\n  later:     " + later2.notChosen());
            }
            assertThat(lean.explained()).isFalse();
            assertThat(explained.explained()).isTrue();
        }
        assertThat(differences).isEmpty();
        assertThat(withOffers).as("situations with offers, so the comparison is not vacuous").isGreaterThan(1000);
    }
}
