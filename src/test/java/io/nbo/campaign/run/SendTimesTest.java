package io.nbo.campaign.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.offer.Channel;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sends go out at the preferred time when the policy allows it, else at the first allowed quarter hour after. */
class SendTimesTest {

    private static ContactPolicy policy(String rows) {
        return new PolicyTableReader().read("policy.csv", """
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                """ + rows);
    }

    @Test
    void thePreferredTimeWhenNoRuleBlocksIt() {
        ContactPolicy shipped = policy("""
                No texts or pushes at night,quiet-hours,sms|push,,,,,,,21:00,08:00,
                Emails go out in the daytime,send-window,email,,,,,,,07:00,22:00,
                """);
        assertThat(SendTimes.of(shipped, List.of(Channel.EMAIL, Channel.SMS), LocalTime.of(10, 0)))
                .isEqualTo(Map.of(Channel.EMAIL, LocalTime.of(10, 0), Channel.SMS, LocalTime.of(10, 0)));
    }

    @Test
    void theFirstAllowedQuarterHourAfterAQuietPeriodOrOutsideAWindowWrappingPastMidnight() {
        ContactPolicy evenings = policy("""
                E-mail in the evening,send-window,email,,,,,,,18:10,20:00,
                No SMS before noon,quiet-hours,sms,,,,,,,00:00,12:00,
                Push only at night,send-window,push,,,,,,,02:00,03:00,
                """);
        assertThat(SendTimes.of(evenings, List.of(Channel.EMAIL, Channel.SMS, Channel.PUSH), LocalTime.of(10, 0)))
                .isEqualTo(Map.of(Channel.EMAIL, LocalTime.of(18, 15), Channel.SMS, LocalTime.of(12, 0),
                        Channel.PUSH, LocalTime.of(2, 0)));
    }

    @Test
    void aChannelThePolicyNeverAllowsHasNoSendTime() {
        ContactPolicy never = policy("""
                No SMS in the day,quiet-hours,sms,,,,,,,06:00,23:00,
                No SMS at night,quiet-hours,sms,,,,,,,23:00,06:00,
                """);
        assertThat(SendTimes.of(never, List.of(Channel.SMS, Channel.EMAIL), LocalTime.of(10, 0)))
                .isEqualTo(Map.of(Channel.EMAIL, LocalTime.of(10, 0)));
    }

    @Test
    void aRuleForOneOfferDoesNotMoveTheChannelsTimeThePolicyStageJudgesItPerOffer() {
        ContactPolicy oneOffer = policy("""
                Flash only at night,send-window,email,BLACK-FRIDAY-FLASH,,,,,,22:00,23:00,
                """);
        assertThat(SendTimes.of(oneOffer, List.of(Channel.EMAIL), LocalTime.of(10, 0)))
                .isEqualTo(Map.of(Channel.EMAIL, LocalTime.of(10, 0)));
    }
}
