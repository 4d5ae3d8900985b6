package io.nbo.decision.core.policy;

import static io.nbo.decision.core.policy.ContactEventType.ACCEPTED;
import static io.nbo.decision.core.policy.ContactEventType.OFFERED;
import static io.nbo.decision.core.policy.ContactEventType.REJECTED;
import static io.nbo.decision.core.policy.PolicyWorld.made;
import static io.nbo.decision.core.policy.PolicyWorld.offer;
import static io.nbo.decision.core.policy.PolicyWorld.whyNot;
import static io.nbo.fixtures.CustomerFixture.customer;
import static io.nbo.offer.Channel.EMAIL;
import static io.nbo.offer.Channel.MOBILE_APP;
import static io.nbo.offer.Channel.PUSH;
import static io.nbo.offer.Channel.SMS;
import static io.nbo.offer.Channel.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.Decision;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the policy decides, and what it says: an offer whose channel's cap is used up within one answer moves to its
 * next allowed channel, and every way an offer can be blocked names its own rule with its own exact reason.
 */
class PolicyOutcomesTest {

    private static final String NOW = "2026-11-23T12:00:00Z";
    /** Reads e-mail first, also uses the app. */
    private static final CustomerProfile READER = customer().id("C-READ").consents(EMAIL).prefers(EMAIL, MOBILE_APP)
            .build();

    @Test
    void whenTheEmailCapIsUsedUpWithinOneAnswerTheOtherOffersGoByApp() {
        PolicyWorld world = PolicyWorld.policy("Email twice a week,cap,email,,,2,7d,,,,,\n")
                .event("OLD", null, EMAIL, OFFERED, "2026-11-20T09:00:00Z");
        Offer a = offer("A", "ga", EMAIL, MOBILE_APP);
        Offer b = offer("B", "gb", EMAIL, MOBILE_APP);
        Offer c = offer("C", "gc", EMAIL, MOBILE_APP);

        Decision decision = world.decide(NOW, READER, EMAIL, 3, a, b, c);

        assertThat(made(decision)).containsExactly("A@email", "B@mobile-app", "C@mobile-app");
        assertThat(decision.notChosen()).isEmpty();
        assertThat(decision.offers().get(1).candidate().channelReason()).isEqualTo("the channel this customer "
                + "responds on best among those allowed; not email: email cap 2 per 7 days reached: 2 sent, last on "
                + "2026-11-23T12:00Z; next allowed from 2026-11-27T09:00Z (counting the offers ranked above it in "
                + "this decision)");
        assertThat(decision.offers().get(0).candidate().channelReason()).isEqualTo("the customer is on email now");
    }

    @Test
    void anOfferIsDroppedOnlyWhenEveryChannelIsUsedUpWithinTheAnswerAndTheNextOneTakesTheSlot() {
        PolicyWorld world = PolicyWorld.policy("""
                Email once a week,cap,email,,,1,7d,,,,,
                App once a day,cap,mobile-app,,,1,1d,,,,,
                """);
        Offer a = offer("A", "ga", EMAIL);
        Offer b = offer("B", "gb", MOBILE_APP);
        Offer c = offer("C", "gc", EMAIL, MOBILE_APP);
        Offer d = offer("D", "gd", WEB);
        CustomerProfile webVisitor = customer().id("C-WEB").consents(EMAIL).prefers(MOBILE_APP).build();

        Decision decision = world.decide(NOW, webVisitor, WEB, 3, a, b, c, d);

        assertThat(made(decision)).containsExactly("A@email", "B@mobile-app", "D@web");
        // C was first placed on the app (the customer uses it), B had used it up, then A had used e-mail up.
        assertThat(whyNot(decision, "C")).isEqualTo("policy [App once a day] mobile-app cap 1 per 1 day reached: 1 "
                + "sent, last on 2026-11-23T12:00Z; next allowed from 2026-11-24T12:00Z (counting the offers ranked "
                + "above it in this decision); not email: email cap 1 per 7 days reached: 1 sent, last on "
                + "2026-11-23T12:00Z; next allowed from 2026-11-30T12:00Z (counting the offers ranked above it in this "
                + "decision)");
    }

    /** Each way to block an offer, as "stage [rule] reason" of the offer R the customer was not made. */
    static Stream<Arguments> blocks() {
        CustomerProfile onEmail = customer().id("C-1").consents(EMAIL).build();
        CustomerProfile texter = customer().id("C-2").consents(SMS, EMAIL).build();
        return Stream.of(
                Arguments.of("consent", (Supplier<Decision>) () -> PolicyWorld.policy("")
                                .decide(NOW, onEmail, EMAIL, 3, offer("R", null, SMS)),
                        "policy [consent] no consent to contact on SMS"),
                Arguments.of("cap", (Supplier<Decision>) () -> PolicyWorld.policy("Email weekly,cap,email,,,1,7d,,,,,\n")
                                .event("X", null, EMAIL, OFFERED, "2026-11-20T09:00:00Z")
                                .decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL)),
                        "policy [Email weekly] email cap 1 per 7 days reached: 1 sent, last on 2026-11-20T09:00Z; next "
                                + "allowed from 2026-11-27T09:00Z"),
                Arguments.of("cap of none", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "No e-mail this week,cap,email,,,0,7d,,,,,\n")
                                .decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL)),
                        "policy [No e-mail this week] email cap 0 per 7 days: no contact allowed"),
                // Push lacks consent, but what kept the offer away is the rest on the channel the customer uses.
                Arguments.of("rest after acceptance, not consent", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "An accepted offer rests 30 days,rest,,*,,1,,accepted,30d,,,\n")
                                .event("R", null, WEB, ACCEPTED, "2026-11-13T10:00:00Z")
                                .decide(NOW, onEmail, WEB, 3, offer("R", null, PUSH, WEB)),
                        "policy [An accepted offer rests 30 days] offer R rests 30 days after accepted on "
                                + "2026-11-13T10:00Z: resting until 2026-12-13T10:00Z; not push: no consent to contact "
                                + "on push"),
                // The rest blocks e-mail; the web is open but the customer is not there: the rest kept it away.
                Arguments.of("rest after acceptance on the one reachable channel", (Supplier<Decision>) () ->
                                PolicyWorld.policy("Accepted rests outbound,rest,outbound,*,,1,,accepted,30d,,,\n")
                                        .event("R", null, EMAIL, ACCEPTED, "2026-11-13T10:00:00Z")
                                        .decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL, WEB)),
                        "policy [Accepted rests outbound] offer R on outbound rests 30 days after accepted on "
                                + "2026-11-13T10:00Z: resting until 2026-12-13T10:00Z; the customer is on email and "
                                + "does not use web"),
                Arguments.of("rest after rejections", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "Three rejections,rest,,*,,3,30d,rejected,14d,,,\n")
                                .event("R", null, EMAIL, REJECTED, "2026-11-01T10:00:00Z")
                                .event("R", null, EMAIL, REJECTED, "2026-11-10T10:00:00Z")
                                .event("R", null, EMAIL, REJECTED, "2026-11-20T10:00:00Z")
                                .decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL)),
                        "policy [Three rejections] offer R rests 14 days after 3 rejected within 30 days, the last on "
                                + "2026-11-20T10:00Z: resting until 2026-12-04T10:00Z"),
                Arguments.of("rest after contacts", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "Burst,rest,outbound,,,2,2d,offered,3d,,,\n")
                                .event("X", null, EMAIL, OFFERED, "2026-11-22T08:00:00Z")
                                .event("Y", null, SMS, OFFERED, "2026-11-22T09:00:00Z")
                                .decide(NOW, texter, WEB, 3, offer("R", null, EMAIL, SMS)),
                        "policy [Burst] outbound rests 3 days after 2 offered within 2 days, the last on "
                                + "2026-11-22T09:00Z: resting until 2026-11-25T09:00Z"),
                Arguments.of("volume", (Supplier<Decision>) () -> {
                    PolicyWorld world = PolicyWorld.policy("Stock,volume,,R,,1,,,,,,\n");
                    world.decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL));
                    return world.decide("2026-11-23T12:00:01Z", onEmail, EMAIL, 3, offer("R", null, EMAIL));
                }, "policy [Stock] stock of 1 used up: 0 of 1 left"),
                Arguments.of("send window", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "Emails in the daytime,send-window,email,,,,,,,07:00,22:00,\n")
                                .decide("2026-11-23T23:30:00Z", onEmail, EMAIL, 3, offer("R", null, EMAIL)),
                        "policy [Emails in the daytime] email only between 07:00-22:00 (customer local time 23:30 UTC)"),
                Arguments.of("quiet hours", (Supplier<Decision>) () -> PolicyWorld.policy(
                                "No texts at night,quiet-hours,sms|push,,,,,,,21:00,08:00,\n")
                                .decide("2026-11-23T21:15:00Z", texter, WEB, 3, offer("R", null, SMS)),
                        "policy [No texts at night] quiet hours 21:00-08:00 on SMS (customer local time 21:15 UTC)"),
                Arguments.of("no reachable channel", (Supplier<Decision>) () -> PolicyWorld.policy("")
                                .decide(NOW, onEmail, EMAIL, 3, offer("R", null, WEB)),
                        "channel [reachability] no reachable channel: the offer goes by web; the customer is on email "
                                + "and has consented to email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void eachBlockNamesItsOwnRuleAndReason(String name, Supplier<Decision> decision, String expected) {
        Decision decided = decision.get();

        assertThat(made(decided)).isEmpty();
        assertThat(whyNot(decided, "R")).isEqualTo(expected);
    }

    @Test
    void aChannelBlockedBeforeTheAnswerIsPassedOverAndTheAnswerSaysWhy() {
        PolicyWorld world = PolicyWorld.policy("SMS weekly,cap,sms,,,1,7d,,,,,\n")
                .event("X", null, SMS, OFFERED, "2026-11-20T09:00:00Z");
        CustomerProfile texter = customer().id("C-3").consents(SMS, EMAIL).build();

        Decision decision = world.decide(NOW, texter, WEB, 3, offer("R", null, SMS, EMAIL));

        assertThat(made(decision)).containsExactly("R@email");
        assertThat(decision.offers().get(0).candidate().channelReason()).isEqualTo("the offer's first channel the "
                + "customer can be reached on; not sms: SMS cap 1 per 7 days reached: 1 sent, last on "
                + "2026-11-20T09:00Z; next allowed from 2026-11-27T09:00Z");
    }
}
