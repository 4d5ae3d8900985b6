package io.nbo.decision.core.policy;

import static io.nbo.decision.core.policy.PolicyWorld.HEADER;
import static io.nbo.decision.core.policy.PolicyWorld.made;
import static io.nbo.decision.core.policy.PolicyWorld.offer;
import static io.nbo.decision.core.policy.PolicyWorld.whyNot;
import static io.nbo.fixtures.CustomerFixture.customer;
import static io.nbo.offer.Channel.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.AffinityPropensity;
import io.nbo.decision.core.ChannelStage;
import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.experiment.ExperimentStage;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.FallbackOffer;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A decision resolves the contact policy and the customer's contact history once, at its start, and every stage (the
 * policy stage, and allocation re-counting caps) applies those same values; the decision reports the policy version
 * it applied. Proved with sources that count their reads and a policy that changes after the first read.
 */
class DecisionResolvesOnceTest {

    private static final PolicyTableReader READER = new PolicyTableReader();
    /** Harmless here: nothing goes by push. */
    private static final ContactPolicy OLD = READER.read("contact-policy.csv",
            HEADER + "Push at most once a day,cap,push,,,1,1d,,,,,\n");
    /** Blocks every offer for a customer contacted in the last week. */
    private static final ContactPolicy NEW = READER.read("contact-policy.csv",
            HEADER + "Anything once a week,cap,,,,1,7d,,,,,\n");
    private static final String NOW = "2026-11-23T12:00:00Z";
    private static final CustomerProfile CUSTOMER = customer().id("C-ONCE").build();
    private static final List<Offer> OFFERS = List.of(offer("A", "ga", WEB), offer("B", "gb", WEB));
    private static final EligibilityEngine EVERY_OFFER = (situation, candidates) -> new EligibilityResult("rules-1",
            candidates.stream().collect(Collectors.toMap(Offer::id,
                    o -> new EligibilityResult.Verdict(List.of("test row"), List.of(), 1.0, null))),
            List.of(), Set.of());

    private final AtomicInteger policyReads = new AtomicInteger();
    private final AtomicInteger historyReads = new AtomicInteger();
    private final ContactHistorySource contactedYesterday = id -> {
        historyReads.incrementAndGet();
        return new ContactHistory(id, List.of(new ContactEvent("d-0", "X", null, WEB, ContactEventType.OFFERED,
                Instant.parse("2026-11-22T12:00:00Z"), null)));
    };

    @ParameterizedTest(name = "explain={0}")
    @ValueSource(booleans = {true, false})
    void aPolicySwappedDuringADecisionIsNotAppliedByItsLaterStagesNorLogged(boolean explain) {
        Supplier<ContactPolicy> swappedAfterFirstRead = () -> policyReads.getAndIncrement() == 0 ? OLD : NEW;

        Decision decision = pipeline(swappedAfterFirstRead).decide(request(explain), CUSTOMER, OFFERS);

        assertThat(policyReads).hasValue(1);
        assertThat(decision.policyVersion()).isEqualTo(OLD.version()).isNotEqualTo(NEW.version());
        assertThat(decision.ruleSetVersion()).isEqualTo("rules-1");
        assertThat(made(decision)).containsExactlyInAnyOrder("A@web", "B@web");
    }

    @Test
    void theNextDecisionAppliesTheNewPolicyWholeAndSaysSo() {
        Supplier<ContactPolicy> swappedAfterFirstRead = () -> policyReads.getAndIncrement() == 0 ? OLD : NEW;
        DecisionPipeline pipeline = pipeline(swappedAfterFirstRead);
        pipeline.decide(request(true), CUSTOMER, OFFERS);

        Decision next = pipeline.decide(request(true), CUSTOMER, OFFERS);

        assertThat(policyReads).hasValue(2);
        assertThat(next.policyVersion()).isEqualTo(NEW.version());
        assertThat(next.offers()).isEmpty();
        assertThat(whyNot(next, "A")).isEqualTo("policy [Anything once a week] contact cap 1 per 7 days reached: "
                + "1 sent, last on 2026-11-22T12:00Z; next allowed from 2026-11-29T12:00Z");
    }

    @ParameterizedTest(name = "explain={0}")
    @ValueSource(booleans = {true, false})
    void theContactHistoryIsReadOncePerDecisionThoughTwoStagesJudgeByIt(boolean explain) {
        DecisionPipeline pipeline = pipeline(() -> READER.read("contact-policy.csv",
                HEADER + "Web twice a week,cap,web,,,2,7d,,,,,\n"));

        Decision first = pipeline.decide(request(explain), CUSTOMER, OFFERS);
        assertThat(historyReads).hasValue(1);
        Decision second = pipeline.decide(request(explain), CUSTOMER, OFFERS);
        assertThat(historyReads).hasValue(2);

        // Both stages judged by it: the policy stage let web through (1 of 2), allocation counted A above B.
        assertThat(made(first)).containsExactly("A@web");
        assertThat(whyNot(first, "B")).startsWith("policy [Web twice a week] web cap 2 per 7 days reached: 2 sent")
                .endsWith("(counting the offers ranked above it in this decision)");
        assertThat(made(second)).isEqualTo(made(first));
    }

    @Test
    void theStandardPipelineNamesEveryStageAfterEligibilityInOrder() {
        assertThat(DecisionPipeline.standard(EVERY_OFFER, new AffinityPropensity(), ContactLimits.none(),
                new FallbackOffer(null), Clock.systemUTC(), () -> "d").stages())
                .extracting(Object::getClass)
                .containsExactly(PolicyStage.class, ExperimentStage.class, ChannelStage.class, AllocationStage.class);
    }

    private DecisionPipeline pipeline(Supplier<ContactPolicy> policy) {
        return DecisionPipeline.standard(EVERY_OFFER, new AffinityPropensity(),
                new ContactLimits(policy, contactedYesterday, new PolicyWorld.MemoryLedger()), new FallbackOffer(null),
                Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC), () -> "d-1");
    }

    private static DecisionRequest request(boolean explain) {
        return new DecisionRequest(CUSTOMER.id(), WEB, Map.of(), null, 3, explain);
    }
}
