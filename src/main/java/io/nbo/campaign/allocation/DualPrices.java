package io.nbo.campaign.allocation;

import java.util.Arrays;
import java.util.List;

/**
 * A price per limited offer: {@code price(o)} per contact for a volume limit and {@code budgetPrice(o)} per budget
 * unit for a budget. They are the Lagrange multipliers of the limits in the linear relaxation of the allocation
 * problem (maximise total value; each customer at most {@code capacity} options; each offer within its volume and
 * budget). Found once on a sample scaled to the population ({@link #solve}), then every customer is assigned with
 * them by {@link Assigner}, in any order, on any thread or node. An offer whose limit does not bind has price 0.
 *
 * <p>Immutable. {@link #volumePrices()} and {@link #budgetPrices()} with {@link #of} carry them to other nodes.
 */
public final class DualPrices {

    /**
     * The margin to add ({@link #withMargin}) before assigning: prices exactly at a marginal customer's threshold
     * leave that customer indifferent, and rounding then decides. On 100 random 30 x 6 instances (the tests'
     * generator, seeds 1..100) 1% raised the worst share of the optimum from 0.80 to 0.87 and the mean from 0.94 to
     * 0.98; on a million customers 1% to 3% narrowed the gap to the bound by 0.02 to 0.05 points and 10% widened
     * it (docs/benchmarks.md).
     */
    public static final double RECOMMENDED_MARGIN = 0.01;

    private final double[] volume;
    private final double[] budget;
    private final double sampleBound;
    private final int rounds;

    private DualPrices(double[] volume, double[] budget, double sampleBound, int rounds) {
        if (volume.length != budget.length) {
            throw new IllegalArgumentException("volume and budget prices must cover the same offers: "
                    + volume.length + " vs " + budget.length);
        }
        for (int o = 0; o < volume.length; o++) {
            if (!(volume[o] >= 0) || !(budget[o] >= 0) || Double.isInfinite(volume[o]) || Double.isInfinite(budget[o])) {
                throw new IllegalArgumentException("prices must be finite and >= 0; offer " + o + " has "
                        + volume[o] + " per contact and " + budget[o] + " per budget unit");
            }
        }
        this.volume = volume;
        this.budget = budget;
        this.sampleBound = sampleBound;
        this.rounds = rounds;
    }

    /** Every price 0: assigning with these is first-come greedy by value. */
    public static DualPrices none(int offers) {
        return new DualPrices(new double[offers], new double[offers], Double.NaN, 0);
    }

    /** Prices found elsewhere (another node, a previous run). */
    public static DualPrices of(double[] volumePrices, double[] budgetPrices) {
        return new DualPrices(volumePrices.clone(), budgetPrices.clone(), Double.NaN, 0);
    }

    /**
     * Solves the dual of the linear relaxation on a sample of the audience, each sample customer standing for
     * {@code populationPerSampleCustomer} customers of the population (population size / sample size), so the
     * limits apply to the population. See {@link DualSolver} for the method.
     *
     * @param sample                      customers drawn uniformly at random from the audience
     * @param limits                      one per offer, index = {@link Option#offer()}
     * @param populationPerSampleCustomer population size / sample size, &ge; 1 when sampling, 1 for the whole audience
     */
    public static DualPrices solve(List<Customer> sample, List<OfferLimit> limits, double populationPerSampleCustomer) {
        return solve(sample, limits, populationPerSampleCustomer, DualSolver.DEFAULT_ROUNDS);
    }

    /** As {@link #solve(List, List, double)} with at most {@code maxRounds} passes over the limited offers. */
    public static DualPrices solve(List<Customer> sample, List<OfferLimit> limits, double populationPerSampleCustomer,
            int maxRounds) {
        if (!(populationPerSampleCustomer > 0) || Double.isInfinite(populationPerSampleCustomer)) {
            throw new IllegalArgumentException("populationPerSampleCustomer must be finite and > 0, was "
                    + populationPerSampleCustomer);
        }
        DualSolver solver = new DualSolver(sample, limits, populationPerSampleCustomer);
        int rounds = solver.run(maxRounds);
        return new DualPrices(solver.volumePrices(), solver.budgetPrices(), solver.dualValue(), rounds);
    }

    /**
     * The same prices raised by {@code share} (0.02 = 2%): a safety margin against prices from a sample that are
     * slightly low, which would let the first customers of the stream use up a limit.
     */
    public DualPrices withMargin(double share) {
        if (!(share >= 0) || Double.isInfinite(share)) {
            throw new IllegalArgumentException("margin must be finite and >= 0, was " + share);
        }
        double[] v = volume.clone();
        double[] b = budget.clone();
        for (int o = 0; o < v.length; o++) {
            v[o] *= 1 + share;
            b[o] *= 1 + share;
        }
        return new DualPrices(v, b, Double.NaN, rounds);
    }

    public int offers() {
        return volume.length;
    }

    /** Price per contact of the offer's volume limit (0 if unlimited or not binding). */
    public double price(int offer) {
        return volume[offer];
    }

    /** Price per budget unit of the offer's budget (0 if unlimited or not binding). */
    public double budgetPrice(int offer) {
        return budget[offer];
    }

    /** What this option costs at these prices: volume price + budget price x cost. */
    public double price(Option option) {
        int o = option.offer();
        double b = budget[o];
        return b == 0 ? volume[o] : volume[o] + b * option.cost();
    }

    public double[] volumePrices() {
        return volume.clone();
    }

    public double[] budgetPrices() {
        return budget.clone();
    }

    /**
     * The dual value on the sample, scaled to the population: an estimate of the bound the full run will report
     * (NaN when the prices were not solved here).
     */
    public double sampleBound() {
        return sampleBound;
    }

    /** Passes over the limited offers the solver made (0 when the prices were not solved here). */
    public int rounds() {
        return rounds;
    }

    @Override
    public String toString() {
        return "DualPrices[volume=" + Arrays.toString(volume) + ", budget=" + Arrays.toString(budget) + "]";
    }
}
