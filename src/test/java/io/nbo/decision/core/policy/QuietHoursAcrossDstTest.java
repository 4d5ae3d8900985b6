package io.nbo.decision.core.policy;

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
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quiet hours and send windows are judged on the customer's own wall clock, derived from the instant of the decision
 * and their time zone, so they stay right on the days clocks spring forward and fall back.
 */
class QuietHoursAcrossDstTest {

    private static final Offer TEXT = offer("T", null, SMS);
    private static final Offer MAIL = offer("M", null, EMAIL);

    @ParameterizedTest(name = "{0} at {1} ({2} local): quiet={3}")
    @CsvSource({
            // London springs forward 2026-03-29 01:00Z (GMT -> BST): 08:00 local is 07:00Z that day
            "Europe/London, 2026-03-29T06:59:00Z, 07:59, true",
            "Europe/London, 2026-03-29T07:00:00Z, 08:00, false",
            "Europe/London, 2026-03-29T19:59:00Z, 20:59, false",
            "Europe/London, 2026-03-29T20:00:00Z, 21:00, true",
            // London falls back 2026-10-25 01:00Z (BST -> GMT): 08:00 local is 08:00Z that day, 07:00Z the day before
            "Europe/London, 2026-10-24T07:00:00Z, 08:00, false",
            "Europe/London, 2026-10-25T07:59:00Z, 07:59, true",
            "Europe/London, 2026-10-25T08:00:00Z, 08:00, false",
            // New York springs forward 2026-03-08 07:00Z (EST -> EDT): 08:00 local is 12:00Z
            "America/New_York, 2026-03-08T11:59:00Z, 07:59, true",
            "America/New_York, 2026-03-08T12:00:00Z, 08:00, false",
            "America/New_York, 2026-03-09T00:59:00Z, 20:59, false",
            "America/New_York, 2026-03-09T01:00:00Z, 21:00, true",
            // New York falls back 2026-11-01 06:00Z (EDT -> EST): 08:00 local is 13:00Z
            "America/New_York, 2026-11-01T12:59:00Z, 07:59, true",
            "America/New_York, 2026-11-01T13:00:00Z, 08:00, false"})
    void nightQuietHoursFollowTheLocalClock(String zone, String at, String local, boolean quiet) {
        PolicyWorld world = PolicyWorld.policy("Night,quiet-hours,sms,,,,,,,21:00,08:00,\n");
        CustomerProfile customer = customer().zone(zone).consents(SMS).build();

        Decision decision = world.decide(at, customer, WEB, 3, TEXT);

        if (quiet) {
            assertThat(made(decision)).isEmpty();
            assertThat(whyNot(decision, "T")).isEqualTo("policy [Night] quiet hours 21:00-08:00 on SMS (customer "
                    + "local time " + local + " " + zone + ")");
        } else {
            assertThat(made(decision)).containsExactly("T@sms");
        }
    }

    @ParameterizedTest(name = "{0} at {1} ({2} local): quiet={3}")
    @CsvSource({
            // 02:00-03:00 does not exist on spring-forward day: quiet hours 01:30-02:30 end when the clock jumps
            "America/New_York, 2026-03-08T06:45:00Z, 01:45, true",
            "America/New_York, 2026-03-08T07:00:00Z, 03:00, false",
            // 01:00-02:00 happens twice on fall-back day: quiet in each 01:30-02:00, not in between
            "America/New_York, 2026-11-01T05:35:00Z, 01:35, true",
            "America/New_York, 2026-11-01T06:00:00Z, 01:00, false",
            "America/New_York, 2026-11-01T06:35:00Z, 01:35, true",
            "America/New_York, 2026-11-01T07:30:00Z, 02:30, false",
            "Europe/London, 2026-03-29T00:45:00Z, 00:45, false",
            "Europe/London, 2026-03-29T01:00:00Z, 02:00, true",
            "Europe/London, 2026-03-29T01:30:00Z, 02:30, false",
            "Europe/London, 2026-10-25T00:35:00Z, 01:35, true",
            "Europe/London, 2026-10-25T01:00:00Z, 01:00, false",
            "Europe/London, 2026-10-25T01:35:00Z, 01:35, true"})
    void quietHoursInsideTheChangingHourUseTheWallClock(String zone, String at, String local, boolean quiet) {
        PolicyWorld world = PolicyWorld.policy("Maintenance,quiet-hours,sms,,,,,,,01:30,02:30,\n");
        CustomerProfile customer = customer().zone(zone).consents(SMS).build();

        Decision decision = world.decide(at, customer, WEB, 3, TEXT);

        assertThat(decision.customerLocalTime().toLocalTime().toString()).isEqualTo(local);
        assertThat(made(decision)).isEqualTo(quiet ? List.of() : List.of("T@sms"));
    }

    @ParameterizedTest(name = "{0} at {1}: email allowed={2}")
    @CsvSource({
            "Europe/London, 2026-03-29T05:59:00Z, false",
            "Europe/London, 2026-03-29T06:00:00Z, true",
            "America/New_York, 2026-11-01T11:59:00Z, false",
            "America/New_York, 2026-11-01T12:00:00Z, true"})
    void emailSendWindowOpensAtSevenLocalOnDstDays(String zone, String at, boolean allowed) {
        PolicyWorld world = PolicyWorld.policy("Daytime email,send-window,email,,,,,,,07:00,22:00,\n");
        CustomerProfile customer = customer().zone(zone).consents(EMAIL).build();

        Decision decision = world.decide(at, customer, WEB, 3, MAIL);

        assertThat(made(decision)).isEqualTo(allowed ? List.of("M@email") : List.of());
        if (!allowed) {
            assertThat(whyNot(decision, "M")).isEqualTo("policy [Daytime email] email only between 07:00-22:00 "
                    + "(customer local time 06:59 " + zone + ")");
        }
    }
}
