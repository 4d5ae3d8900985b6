package io.nbo.decision.core.learning;

import java.util.random.RandomGenerator;

/**
 * Draws from a Beta(a, b) distribution as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), each by Marsaglia and Tsang's
 * method (ACM TOMS 26(3), 2000; shapes below 1 boosted by U^(1/a)). Allocation-free, and as reproducible as the random
 * generator it is given, so tests fix the seed.
 */
public final class BetaSampler {

    private BetaSampler() {
    }

    public static double sample(RandomGenerator random, double a, double b) {
        double x = gamma(random, a);
        double y = gamma(random, b);
        return x / (x + y);
    }

    static double gamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
