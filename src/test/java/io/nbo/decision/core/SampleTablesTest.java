package io.nbo.decision.core;

import static io.nbo.fixtures.CustomerFixture.customer;
import static io.nbo.offer.Channel.CALL_CENTRE;
import static io.nbo.offer.Channel.EMAIL;
import static io.nbo.offer.Channel.IN_STORE;
import static io.nbo.offer.Channel.MOBILE_APP;
import static io.nbo.offer.Channel.SMS;
import static io.nbo.offer.Channel.SOCIAL;
import static io.nbo.offer.Channel.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.fixtures.CustomerFixture;
import io.nbo.fixtures.SampleRules;
import io.nbo.offer.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every sample decision table (and the developers' DRL guards), through the standard pipeline (every
 * stage, with no contact limits beyond consent): the row fires, and the answer is exactly the expected offers on the
 * expected channels, in rank order.
 */
class SampleTablesTest {

    private static final String MONDAY_NOON = "2026-11-23T12:00:00Z";

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rowDecidesExactly(String row, CustomerFixture customer, Channel touchpoint, String localTime, String date,
                           List<String> expected) {
        Clock clock = Clock.fixed(Instant.parse(date == null ? MONDAY_NOON : date + "T12:00:00Z"), ZoneOffset.UTC);
        DecisionPipeline pipeline = DecisionPipeline.standard(SampleRules.ruleSet()::evaluate,
                new AffinityPropensity(), ContactLimits.none(), new FallbackOffer(null),
                clock, () -> "d-1");

        Decision decision = pipeline.decide(new DecisionRequest("C-TEST", touchpoint, Map.of(),
                localTime == null ? null : LocalTime.parse(localTime), 5), customer.build(), SampleRules.catalogue());

        assertThat(decision.firedRules()).contains(row);
        assertThat(decision.offers()).extracting(c -> c.candidate().offerId() + "@" + c.candidate().channel().code())
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // morning-coffee.drl.xlsx
                row("Coffee lovers on the app at breakfast", customer().likes("coffee").buys("coffee"), MOBILE_APP,
                        "08:00", "COFFEE-AM@mobile-app", "BAKERY-BUNDLE@mobile-app"),
                row("App users at breakfast", customer(), MOBILE_APP, "08:00",
                        "BAKERY-BUNDLE@mobile-app", "COFFEE-AM@mobile-app"),
                row("Coffee lovers", customer().likes("coffee").buys("coffee").tag("app-user").consents(EMAIL), WEB, "14:00",
                        "COFFEE-BEANS-BOGO@web"),
                row("Breakfast in store", customer(), IN_STORE, "09:30", "STORE-QR-5@in-store",
                        "BAKERY-BUNDLE@in-store"),
                // electronics.drl.csv
                row("Electronics fans on email and social", customer().likes("electronics").consents(EMAIL, SOCIAL),
                        EMAIL, null, "ELEC-20@email"),
                row("Electronics fans on email", customer().likes("electronics").consents(EMAIL), EMAIL, null,
                        "ELEC-10@email"),
                row("Electronics big spenders", customer().likes("electronics").spend(1500), IN_STORE, "14:00",
                        "ELEC-WARRANTY@in-store", "STORE-QR-5@in-store"),
                // health-beauty.drl.csv
                row("Skincare for 18 to 29", customer().age(25).likes("health-beauty"), MOBILE_APP, "14:00",
                        "HB-SKINCARE-18@mobile-app"),
                row("Family health for 30 to 49", customer().age(40).likes("health-beauty").consents(EMAIL), EMAIL,
                        null, "HB-FAMILY-30@email"),
                row("Wellness from 50", customer().age(60), CALL_CENTRE, null, "HB-WELLNESS-50@call-centre"),
                // travel.drl.csv
                row("Frequent travellers", customer().tag("frequent-traveller").consents(EMAIL), EMAIL, null,
                        "TRAVEL-SPECIAL@email"),
                row("Frequent travellers in the app", customer().tag("frequent-traveller"), MOBILE_APP, "14:00",
                        "TRAVEL-SPECIAL@mobile-app", "TRAVEL-LOUNGE@mobile-app"),
                // retention.drl.csv
                row("High churn risk, high value", customer().churn(0.8).predictedValue(1500).consents(EMAIL),
                        CALL_CENTRE, null, "RET-VIP@call-centre"),
                row("High churn risk", customer().churn(0.8).predictedValue(100).consents(SMS), SMS, null,
                        "RET-15@sms"),
                // engagement.drl.csv
                row("Highly engaged members", customer().engagement("high"), MOBILE_APP, "14:00",
                        "LOYALTY-2X@mobile-app"),
                row("Medium engagement", customer().engagement("medium").consents(EMAIL), EMAIL, null,
                        "BUNDLE-WEEKEND@email"),
                row("Low engagement", customer().engagement("low").consents(SMS), SMS, null, "WINBACK-20@sms"),
                row("Lapsed customers", customer().lifecycle("lapsed").consents(EMAIL), EMAIL, null,
                        "WINBACK-20@email"),
                row("New members", customer().lifecycle("new").consents(EMAIL), EMAIL, null,
                        "NEW-WELCOME-SERIES@email"),
                // favourite-items.drl.csv
                row("Buys diapers", customer().buys("diapers").consents(EMAIL), EMAIL, null, "DIAPERS-BULK@email"),
                row("Buys pet food", customer().buys("pet-food").consents(EMAIL), EMAIL, null, "PET-FOOD-SUB@email"),
                row("Buys wine", customer().age(30).buys("wine"), IN_STORE, "14:00", "WINE-CASE@in-store",
                        "STORE-QR-5@in-store"),
                row("Buys fruit", customer().buys("fruit"), MOBILE_APP, "14:00", "FRUIT-BOX@mobile-app"),
                row("Buys sandwiches, on the app", customer().buys("sandwich"), MOBILE_APP, "12:30",
                        "PUSH-LUNCH-DEAL@mobile-app"),
                // touchpoints.drl.csv
                row("Visitors on the web", customer().anonymous(), WEB, null, "WELCOME-10@web"),
                row("Visitors in the app", customer().anonymous(), MOBILE_APP, "14:00", "WELCOME-10@mobile-app"),
                row("Web customers without the app", customer().consents(EMAIL), WEB, null, "APP-DOWNLOAD@web"),
                row("Customers not on the newsletter", customer().tag("app-user"), WEB, null,
                        "NEWSLETTER-SIGNUP@web"),
                row("At the till", customer(), IN_STORE, "14:00", "STORE-QR-5@in-store"),
                row("On social", customer().consents(SOCIAL), SOCIAL, null, "SOCIAL-SHARE@social"),
                row("Engaged callers", customer().engagement("high"), CALL_CENTRE, null,
                        "CC-DELIVERY-PASS@call-centre"),
                row("Frequent callers", customer().frequency(15), CALL_CENTRE, null, "CC-PLAN-UPGRADE@call-centre"),
                // seasonal.drl.csv (dates live on the offers)
                rowOn("2026-11-27", "Black Friday for all members", customer().tag("app-user").consents(EMAIL), WEB,
                        "BLACK-FRIDAY-FLASH@web"),
                row("Fashion fans", customer().likes("fashion").tag("app-user").consents(EMAIL), WEB, null,
                        "FASHION-NEW-SEASON@web"),
                row("Fashion fans on SMS", customer().likes("fashion").consents(SMS), SMS, null,
                        "SMS-FLASH-SALE@sms"),
                rowOn("2027-04-01", "Gardeners in spring", customer().likes("garden").tag("app-user").consents(EMAIL),
                        WEB, "GARDEN-SPRING@web"),
                // rules/guards.drl
                row("Guard: no alcohol unless the customer is known to be 18 or over", customer().buys("wine"),
                        IN_STORE, "14:00", "STORE-QR-5@in-store"),
                row("Guard: no retention offers in a member's first month",
                        customer().lifecycle("new").churn(0.9).consents(EMAIL), EMAIL, null,
                        "NEW-WELCOME-SERIES@email"));
    }

    private static Arguments row(String row, CustomerFixture customer, Channel touchpoint, String localTime,
                                 String... expected) {
        return Arguments.of(row, customer, touchpoint, localTime, null, List.of(expected));
    }

    private static Arguments rowOn(String date, String row, CustomerFixture customer, Channel touchpoint,
                                   String... expected) {
        return Arguments.of(row, customer, touchpoint, null, date, List.of(expected));
    }
}
