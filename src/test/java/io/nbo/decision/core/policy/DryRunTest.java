package io.nbo.decision.core.policy;

import static io.nbo.decision.core.policy.PolicyWorld.made;
import static io.nbo.decision.core.policy.PolicyWorld.offer;
import static io.nbo.decision.core.policy.PolicyWorld.whyNot;
import static io.nbo.fixtures.CustomerFixture.customer;
import static io.nbo.offer.Channel.EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.decision.core.Decision;
import io.nbo.profile.CustomerProfile;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A dry run answers as a real decision would, explained in full, and takes no stock. */
class DryRunTest {

    private static final String NOW = "2026-11-23T12:00:00Z";
    private final CustomerProfile onEmail = customer().id("C-1").consents(EMAIL).build();

    @Test
    void dryRunsTakeNoStockAndAreExplainedAndMarked() {
        PolicyWorld world = PolicyWorld.policy("Stock,volume,,R,,1,,,,,,\nEmail weekly,cap,email,,,1,7d,,,,,\n");
        for (int i = 0; i < 3; i++) {
            Decision preview = world.dryRun(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL));
            assertThat(made(preview)).containsExactly("R@email");
            assertThat(preview.dryRun()).isTrue();
            assertThat(preview.explained()).isTrue();
        }
        assertThat(world.ledger().used("Stock")).isEqualByComparingTo(BigDecimal.ZERO);

        Decision real = world.decide(NOW, onEmail, EMAIL, 3, offer("R", null, EMAIL));
        assertThat(made(real)).containsExactly("R@email");
        assertThat(real.dryRun()).isFalse();
        assertThat(world.ledger().used("Stock")).isEqualByComparingTo(BigDecimal.ONE);

        // Once the real one took the last unit and the cap, a dry run shows what a real decision would now meet.
        Decision after = world.dryRun("2026-11-23T12:00:01Z", onEmail, EMAIL, 3, offer("R", null, EMAIL));
        assertThat(made(after)).isEmpty();
        assertThat(whyNot(after, "R")).isEqualTo("policy [Email weekly] email cap 1 per 7 days reached: "
                + "1 sent, last on 2026-11-23T12:00Z; next allowed from 2026-11-30T12:00Z");
        assertThat(world.ledger().used("Stock")).isEqualByComparingTo(BigDecimal.ONE);
    }
}
