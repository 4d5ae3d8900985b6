package io.nbo.experiment.lift;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The lift arithmetic: per arm exposure, conversions and revenue; per treatment arm the absolute and relative lift over
 * the control with 95% confidence intervals and p-values. Distributions and the t-test come from Apache Commons Math.
 */
public final class LiftCalculator {

    public static final double CONFIDENCE = 0.95;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z = NORMAL.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);

    private LiftCalculator() {
    }

    /** One arm's customers: whether each converted and what each spent after first exposure. */
    public record ArmData(String arm, boolean control, boolean[] converted, double[] revenue) {
    }

    public record Lift(List<ArmResult> arms, List<Comparison> comparisons) {
    }

    public static Lift lift(List<ArmData> arms) {
        List<ArmResult> results = new ArrayList<>();
        ArmData control = arms.stream().filter(ArmData::control).findFirst().orElse(null);
        for (ArmData a : arms) {
            results.add(result(a));
        }
        List<Comparison> comparisons = new ArrayList<>();
        if (control != null) {
            for (ArmData a : arms) {
                if (!a.control()) {
                    comparisons.add(compare(a, control));
                }
            }
        }
        return new Lift(results, comparisons);
    }

    static ArmResult result(ArmData a) {
        long n = a.converted().length;
        long conversions = 0;
        double revenue = 0;
        for (int i = 0; i < n; i++) {
            conversions += a.converted()[i] ? 1 : 0;
            revenue += a.revenue()[i];
        }
        return new ArmResult(a.arm(), a.control(), n, conversions, n == 0 ? 0 : conversions / (double) n, revenue,
                n == 0 ? 0 : revenue / n);
    }

    static Comparison compare(ArmData t, ArmData c) {
        ArmResult rt = result(t);
        ArmResult rc = result(c);
        double nt = rt.exposed();
        double nc = rc.exposed();
        double pt = rt.conversionRate();
        double pc = rc.conversionRate();
        double diff = pt - pc;
        double se = nt == 0 || nc == 0 ? Double.NaN : Math.sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
        double pooled = nt + nc == 0 ? 0 : (rt.conversions() + rc.conversions()) / (nt + nc);
        double sePooled = nt == 0 || nc == 0 ? Double.NaN : Math.sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
        double p = sePooled > 0 ? 2 * (1 - NORMAL.cumulativeProbability(Math.abs(diff / sePooled))) : 1.0;

        double revDiff = rt.revenuePerCustomer() - rc.revenuePerCustomer();
        Double revLow = null;
        Double revHigh = null;
        Double revP = null;
        SummaryStatistics st = stats(t.revenue());
        SummaryStatistics sc = stats(c.revenue());
        if (st.getN() >= 2 && sc.getN() >= 2 && (st.getVariance() > 0 || sc.getVariance() > 0)) {
            double vt = st.getVariance() / st.getN();
            double vc = sc.getVariance() / sc.getN();
            double seRev = Math.sqrt(vt + vc);
            double df = (vt + vc) * (vt + vc)
                    / (vt * vt / (st.getN() - 1) + vc * vc / (sc.getN() - 1));
            double tq = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            revLow = revDiff - tq * seRev;
            revHigh = revDiff + tq * seRev;
            revP = new TTest().tTest(st, sc);
        }
        return new Comparison(t.arm(), c.arm(), diff, pc == 0 ? null : diff / pc,
                Double.isNaN(se) ? 0 : diff - Z * se, Double.isNaN(se) ? 0 : diff + Z * se, p, revDiff,
                rc.revenuePerCustomer() == 0 ? null : revDiff / rc.revenuePerCustomer(), revLow, revHigh, revP,
                p < 1 - CONFIDENCE);
    }

    private static SummaryStatistics stats(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s;
    }
}
