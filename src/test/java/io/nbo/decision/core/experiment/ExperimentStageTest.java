package io.nbo.decision.core.experiment;

import static io.nbo.fixtures.CustomerFixture.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.Situation;
import io.nbo.decision.core.StageOutcome;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.offer.OfferKind;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The experiment stage applies the arms the decision resolved: withhold the experiment's offers, or weigh them. */
class ExperimentStageTest {

    private final CustomerProfile someone = customer().id("C-1").build();

    private static Candidate offer(String id) {
        return Candidate.of(new Offer(id, id, null, "general", OfferKind.COUPON, BigDecimal.TEN, Set.of(Channel.WEB),
                null, null, null, null, 1.0, true));
    }

    private Situation in(Assignment... arms) {
        return new Situation(someone, Channel.WEB, Map.of(), LocalDateTime.of(2026, 11, 23, 12, 0), 3,
                Instant.parse("2026-11-23T12:00:00Z"), ContactPolicy.NONE, ContactHistory.empty("C-1"),
                List.of(arms), false);
    }

    @Test
    void aWithholdingArmDropsOnlyTheExperimentsOffersAndSaysWhy() {
        Assignment control = new Assignment("coffee", 3, "campaigns", "control", true, true, 1.0, Set.of("A"));
        StageOutcome out = new ExperimentStage().apply(in(control), List.of(offer("A"), offer("B")));
        assertThat(out.kept()).extracting(Candidate::offerId).containsExactly("B");
        assertThat(out.rejected()).hasSize(1);
        assertThat(out.rejected().get(0).rule()).isEqualTo("coffee/control");
        assertThat(out.rejected().get(0).reason()).isEqualTo("the customer is in arm 'control' of experiment "
                + "'coffee' (v3), which gets none of the experiment's offers");
    }

    @Test
    void aWeightedArmScalesTheContextWeightOfItsOffersAndAHoldoutControlGetsNothing() {
        Assignment boost = new Assignment("coffee", 1, "campaigns", "boost", false, false, 2.5, Set.of("A"));
        StageOutcome out = new ExperimentStage().apply(in(boost), List.of(offer("A"), offer("B")));
        assertThat(out.kept()).extracting(Candidate::contextWeight).containsExactly(2.5, 1.0);

        Assignment holdout = new Assignment("holdout", 1, "global", "holdout", true, true, 1.0, Set.of());
        assertThat(holdout.withholdsEverything()).isTrue();
        StageOutcome none = new ExperimentStage().apply(in(holdout, boost), List.of(offer("A"), offer("B")));
        assertThat(none.kept()).isEmpty();
        assertThat(none.rejected()).extracting(r -> r.reason()).containsOnly("the customer is in arm 'holdout' of "
                + "experiment 'holdout' (v1), which gets no offer");
    }
}
