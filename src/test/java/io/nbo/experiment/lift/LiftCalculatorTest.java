package io.nbo.experiment.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nbo.experiment.lift.LiftCalculator.ArmData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lift arithmetic against examples worked by hand (and checked with SciPy 1.17: ttest_ind, equal_var=False). */
class LiftCalculatorTest {

    private static ArmData arm(String name, boolean control, int n, int converted) {
        boolean[] c = new boolean[n];
        double[] r = new double[n];
        for (int i = 0; i < converted; i++) {
            c[i] = true;
            r[i] = 10.0;
        }
        return new ArmData(name, control, c, r);
    }

    @Test
    void conversionLiftIntervalAndPValueMatchTheHandWorkedExample() {
        // control 100/1000 = 10%, treatment 130/1000 = 13%: lift 3 points, 30% relative.
        // unpooled SE = sqrt(.1*.9/1000 + .13*.87/1000) = 0.0142513; 95% CI = 0.03 +- 1.959964 * SE
        // pooled p = 0.115, SE = sqrt(.115*.885*(2/1000)) = 0.0142671, z = 2.10274, p = 2(1 - Phi(z)) = 0.035488
        LiftCalculator.Lift lift = LiftCalculator.lift(List.of(arm("control", true, 1000, 100),
                arm("treatment", false, 1000, 130)));
        assertThat(lift.arms()).containsExactly(new ArmResult("control", true, 1000, 100, 0.1, 1000, 1.0),
                new ArmResult("treatment", false, 1000, 130, 0.13, 1300, 1.3));
        Comparison c = lift.comparisons().get(0);
        assertThat(c.arm()).isEqualTo("treatment");
        assertThat(c.against()).isEqualTo("control");
        assertThat(c.rateLift()).isCloseTo(0.03, within(1e-12));
        assertThat(c.rateRelativeLift()).isCloseTo(0.30, within(1e-12));
        assertThat(c.rateLow()).isCloseTo(0.0020679344, within(1e-9));
        assertThat(c.rateHigh()).isCloseTo(0.0579320656, within(1e-9));
        assertThat(c.ratePValue()).isCloseTo(0.0354884505, within(1e-8));
        assertThat(c.significant()).isTrue();
        assertThat(c.revenueLift()).isCloseTo(0.3, within(1e-12));
        assertThat(c.revenueRelativeLift()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void revenueUsesWelchsTestAndInterval() {
        ArmData control = new ArmData("control", true, new boolean[7], new double[] {0, 0, 10, 20, 0, 0, 5});
        ArmData treatment = new ArmData("double", false, new boolean[7], new double[] {5, 15, 25, 0, 30, 0, 12});
        Comparison c = LiftCalculator.lift(List.of(control, treatment)).comparisons().get(0);
        assertThat(c.revenueLift()).isCloseTo(7.4285714286, within(1e-9));
        assertThat(c.revenuePValue()).isCloseTo(0.1918902833, within(1e-8));
        assertThat(c.revenueLow()).isCloseTo(-4.3783412936, within(1e-8));
        assertThat(c.revenueHigh()).isCloseTo(19.2354841507, within(1e-8));
        assertThat(c.ratePValue()).isEqualTo(1.0);
        assertThat(c.rateRelativeLift()).isNull();
        assertThat(c.significant()).isFalse();
    }
}
