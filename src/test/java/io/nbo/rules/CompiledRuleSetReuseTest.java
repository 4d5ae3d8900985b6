package io.nbo.rules;

import static io.nbo.fixtures.CustomerFixture.coffeeCommuter;
import static io.nbo.fixtures.CustomerFixture.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.fixtures.SampleRules;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One compiled rule set serves every decision: nothing a decision's rules did may leak into the next one, on one
 * thread or on several. Guards any future session reuse (a pool was tried for speed, see docs/benchmarks.md).
 */
class CompiledRuleSetReuseTest {

    private static final LocalDateTime MONDAY_8AM = LocalDateTime.parse("2026-11-23T08:00:00");
    private static final LocalDateTime MONDAY_2PM = LocalDateTime.parse("2026-11-23T14:00:00");

    private final CompiledRuleSet rules = SampleRules.ruleSet();

    @Test
    void aDecisionForgetsWhatTheRulesDidForThePreviousOne() {
        EligibilityResult commuter = evaluate(coffeeCommuter().build(), Channel.MOBILE_APP, MONDAY_8AM);
        EligibilityResult visitor = evaluate(customer().anonymous().build(), Channel.WEB, MONDAY_2PM);

        assertThat(commuter.assignedSegments()).containsExactly("coffee-commuter");
        assertThat(visitor.assignedSegments()).isEmpty();
        assertThat(visitor.firedRules()).containsExactlyInAnyOrder("Visitors on the web",
                "Guard: no alcohol unless the customer is known to be 18 or over");
        assertThat(visitor.verdicts()).containsOnlyKeys("WELCOME-10", "WINE-CASE");
        assertThat(evaluate(coffeeCommuter().build(), Channel.MOBILE_APP, MONDAY_8AM)).isEqualTo(commuter);
    }

    @Test
    void concurrentDecisionsGetTheAnswersTheyGetAlone() throws Exception {
        EligibilityResult commuterAlone = evaluate(coffeeCommuter().build(), Channel.MOBILE_APP, MONDAY_8AM);
        EligibilityResult visitorAlone = evaluate(customer().anonymous().build(), Channel.WEB, MONDAY_2PM);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean commuter = i % 2 == 0;
                work.add(() -> commuter
                        ? evaluate(coffeeCommuter().build(), Channel.MOBILE_APP, MONDAY_8AM).equals(commuterAlone)
                        : evaluate(customer().anonymous().build(), Channel.WEB, MONDAY_2PM).equals(visitorAlone));
            }
            for (Future<Boolean> same : pool.invokeAll(work)) {
                assertThat(same.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private EligibilityResult evaluate(CustomerProfile customer, Channel touchpoint, LocalDateTime localTime) {
        return rules.evaluate(new Situation(customer, touchpoint, Map.of(), localTime, 3,
                localTime.toInstant(java.time.ZoneOffset.UTC)), List.of());
    }
}
