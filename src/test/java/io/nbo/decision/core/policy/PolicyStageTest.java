package io.nbo.decision.core.policy;

import static io.nbo.decision.core.policy.ContactEventType.OFFERED;
import static io.nbo.decision.core.policy.ContactEventType.REJECTED;
import static io.nbo.decision.core.policy.PolicyWorld.made;
import static io.nbo.decision.core.policy.PolicyWorld.offer;
import static io.nbo.decision.core.policy.PolicyWorld.whyNot;
import static io.nbo.fixtures.CustomerFixture.customer;
import static io.nbo.offer.Channel.EMAIL;
import static io.nbo.offer.Channel.SMS;
import static io.nbo.offer.Channel.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.Decision;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contact-policy stage as values: caps, rests, consent and volume, judged through the real pipeline. */
class PolicyStageTest {

    private static final Offer RETENTION = offer("R", null, SMS, EMAIL);
    private static final Offer TEXT_ONLY = offer("T", null, SMS);
    private static final CustomerProfile TEXTER = customer().id("C-TEXT").consents(SMS, EMAIL).prefers(SMS).build();

    @Test
    void smsCapCountsContactsUntilExactlyOneWindowLaterAndFallsBackToEmailMeanwhile() {
        PolicyWorld world = PolicyWorld.policy("SMS weekly,cap,sms,,,2,7d,,,,,\n")
                .event("X", null, SMS, OFFERED, "2026-11-16T08:00:00Z")
                .event("Y", null, SMS, OFFERED, "2026-11-20T08:00:00Z");

        Decision justBefore = world.decide("2026-11-23T07:59:59Z", TEXTER, WEB, 3, RETENTION, TEXT_ONLY);
        Decision atTheEdge = world.decide("2026-11-23T08:00:00Z", TEXTER, WEB, 3, RETENTION, TEXT_ONLY);

        String capped = "SMS cap 2 per 7 days reached: 2 sent, last on 2026-11-20T08:00Z; next allowed from "
                + "2026-11-23T08:00Z";
        assertThat(made(justBefore)).containsExactly("R@email");
        assertThat(justBefore.offers().get(0).candidate().channelReason())
                .isEqualTo("the offer's first channel the customer can be reached on; not sms: " + capped);
        assertThat(whyNot(justBefore, "T")).isEqualTo("policy [SMS weekly] " + capped);
        assertThat(made(atTheEdge)).containsExactly("R@sms");
        assertThat(whyNot(atTheEdge, "T")).isEqualTo("policy [SMS weekly] SMS cap 2 per 7 days reached: 2 sent, last "
                + "on 2026-11-23T08:00Z; next allowed from 2026-11-27T08:00Z (counting the offers ranked above it in "
                + "this decision)");
    }

    @Test
    void offersRankedAboveInTheSameDecisionCountTowardsTheCap() {
        PolicyWorld world = PolicyWorld.policy("SMS weekly,cap,sms,,,2,7d,,,,,\n")
                .event("X", null, SMS, OFFERED, "2026-11-20T08:00:00Z");

        Decision decision = world.decide("2026-11-23T12:00:00Z", TEXTER, WEB, 3, offer("A", null, SMS),
                offer("B", null, SMS), offer("C", null, EMAIL));

        assertThat(made(decision)).containsExactly("A@sms", "C@email");
        assertThat(whyNot(decision, "B")).isEqualTo("policy [SMS weekly] SMS cap 2 per 7 days reached: 2 sent, last on "
                + "2026-11-23T12:00Z; next allowed from 2026-11-27T08:00Z (counting the offers ranked above it in this "
                + "decision)");
    }

    @Test
    void aCapOnEachOfferCountsThatOfferOnEveryChannelOnly() {
        PolicyWorld world = PolicyWorld.policy("Offer monthly,cap,,*,,3,30d,,,,,\n")
                .event("R", null, SMS, OFFERED, "2026-10-25T09:00:00Z")
                .event("R", null, EMAIL, OFFERED, "2026-11-02T09:00:00Z")
                .event("R", null, WEB, OFFERED, "2026-11-20T09:00:00Z")
                .event("T", null, SMS, OFFERED, "2026-11-20T09:00:00Z");

        Decision decision = world.decide("2026-11-23T12:00:00Z", TEXTER, WEB, 3, RETENTION, TEXT_ONLY);

        assertThat(made(decision)).containsExactly("T@sms");
        assertThat(whyNot(decision, "R")).isEqualTo("policy [Offer monthly] offer R cap 3 per 30 days reached: 3 sent, "
                + "last on 2026-11-20T09:00Z; next allowed from 2026-11-24T09:00Z");
    }

    @Test
    void threeRejectionsRestTheOfferUntilExactlyFourteenDaysAfterTheThird() {
        PolicyWorld world = PolicyWorld.policy("Three rejections,rest,,*,,3,30d,rejected,14d,,,\n")
                .event("R", null, SMS, REJECTED, "2026-11-01T10:00:00Z")
                .event("R", null, EMAIL, REJECTED, "2026-11-10T10:00:00Z")
                .event("R", null, SMS, REJECTED, "2026-11-20T10:00:00Z");

        Decision resting = world.decide("2026-12-04T09:59:59Z", TEXTER, WEB, 3, RETENTION);
        Decision rested = world.decide("2026-12-04T10:00:00Z", TEXTER, WEB, 3, RETENTION);

        assertThat(made(resting)).isEmpty();
        assertThat(whyNot(resting, "R")).isEqualTo("policy [Three rejections] offer R rests 14 days after 3 rejected "
                + "within 30 days, the last on 2026-11-20T10:00Z: resting until 2026-12-04T10:00Z");
        assertThat(made(rested)).containsExactly("R@sms");
    }

    @Test
    void rejectionsSpreadWiderThanTheWindowDoNotStartARest() {
        PolicyWorld world = PolicyWorld.policy("Three rejections,rest,,*,,3,30d,rejected,14d,,,\n")
                .event("R", null, SMS, REJECTED, "2026-10-01T10:00:00Z")
                .event("R", null, SMS, REJECTED, "2026-11-01T10:00:00Z")
                .event("R", null, SMS, REJECTED, "2026-11-20T10:00:00Z");

        assertThat(made(world.decide("2026-11-21T10:00:00Z", TEXTER, WEB, 3, RETENTION))).containsExactly("R@sms");
    }

    @Test
    void afterABurstTheCustomerRestsOnOutboundChannelsButStillSeesOffersWhereSheIs() {
        PolicyWorld world = PolicyWorld.policy("Burst,rest,outbound,,,4,2d,offered,3d,,,\n")
                .event("A", null, EMAIL, OFFERED, "2026-11-20T09:00:00Z")
                .event("B", null, SMS, OFFERED, "2026-11-20T18:00:00Z")
                .event("C", null, EMAIL, OFFERED, "2026-11-21T09:00:00Z")
                .event("D", null, SMS, OFFERED, "2026-11-21T20:00:00Z");
        Offer webOrEmail = offer("W", null, EMAIL, WEB);

        Decision resting = world.decide("2026-11-24T19:59:00Z", TEXTER, WEB, 3, RETENTION, webOrEmail);
        Decision rested = world.decide("2026-11-24T20:00:00Z", TEXTER, WEB, 3, RETENTION);

        assertThat(made(resting)).containsExactly("W@web");
        assertThat(whyNot(resting, "R")).isEqualTo("policy [Burst] outbound rests 3 days after 4 offered within "
                + "2 days, the last on 2026-11-21T20:00Z: resting until 2026-11-24T20:00Z");
        assertThat(made(rested)).containsExactly("R@sms");
    }

    @Test
    void consentWithdrawnBetweenTwoCallsTakesEffectOnTheSecond() {
        PolicyWorld world = PolicyWorld.policy("");
        CustomerProfile unsubscribed = customer().id("C-TEXT").consents(EMAIL).prefers(SMS).build();

        Decision before = world.decide("2026-11-23T12:00:00Z", TEXTER, WEB, 3, RETENTION, TEXT_ONLY);
        Decision after = world.decide("2026-11-23T12:00:01Z", unsubscribed, WEB, 3, RETENTION, TEXT_ONLY);

        assertThat(made(before)).containsExactly("R@sms", "T@sms");
        assertThat(made(after)).containsExactly("R@email");
        assertThat(whyNot(after, "T")).isEqualTo("policy [consent] no consent to contact on SMS");
    }

    @Test
    void stockIsHandedOutOnlyToOffersMadeAndTheNextBestOfferTakesTheSlotWhenItRunsOut() {
        PolicyWorld world = PolicyWorld.policy("Stock,volume,,A,,2,,,,,,\n");
        Offer limited = offer("A", null, EMAIL);
        Offer plenty = offer("B", null, EMAIL);
        CustomerProfile reader = customer().consents(EMAIL).build();

        List<List<String>> answers = List.of(
                made(world.decide("2026-11-23T12:00:00Z", reader, WEB, 1, limited, plenty)),
                made(world.decide("2026-11-23T12:00:01Z", reader, WEB, 1, limited, plenty)));
        Decision third = world.decide("2026-11-23T12:00:02Z", reader, WEB, 1, limited, plenty);
        Decision fourth = world.decide("2026-11-23T12:00:03Z", reader, WEB, 1, limited, plenty);

        assertThat(answers).containsExactly(List.of("A@email"), List.of("A@email"));
        assertThat(made(third)).containsExactly("B@email");
        assertThat(whyNot(third, "A")).isEqualTo("policy [Stock] stock of 2 used up: 0 of 2 left");
        assertThat(whyNot(fourth, "A")).isEqualTo("policy [Stock] stock of 2 used up: 0 of 2 left");
        assertThat(world.ledger().used("Stock")).isEqualByComparingTo("2");
    }

    @Test
    void aBudgetIsSpentAtTheOffersCostAndNeverOverspent() {
        PolicyWorld world = PolicyWorld.policy("Budget,volume,,A,,25,,,,,,10\n");
        Offer limited = offer("A", null, EMAIL);
        CustomerProfile reader = customer().consents(EMAIL).build();

        world.decide("2026-11-23T12:00:00Z", reader, WEB, 1, limited);
        world.decide("2026-11-23T12:00:01Z", reader, WEB, 1, limited);
        Decision third = world.decide("2026-11-23T12:00:02Z", reader, WEB, 1, limited);

        assertThat(made(third)).isEmpty();
        assertThat(whyNot(third, "A")).isEqualTo("policy [Budget] budget of 25 used up: 5 left, each offer costs 10");
        assertThat(world.ledger().used("Budget")).isEqualByComparingTo(new BigDecimal("20"));
    }
}
