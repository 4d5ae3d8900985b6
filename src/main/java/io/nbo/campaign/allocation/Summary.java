package io.nbo.campaign.allocation;

/**
 * What an allocation achieved.
 *
 * @param value            total expected value of the options assigned
 * @param upperBound       an upper bound on the best total value any allocation of the same customers could reach
 *                         (the Lagrangian dual value at the prices used; see {@link Assigner})
 * @param usedVolume       contacts assigned per offer (index = offer)
 * @param usedBudget       budget units used per offer
 * @param customersReached customers who got at least one option
 */
public record Summary(double value, double upperBound, long[] usedVolume, double[] usedBudget, long customersReached) {

    /** How far the value may be from the optimum, as a share of the bound: (bound - value) / bound; 0 if both are 0. */
    public double gap() {
        return upperBound <= 0 ? 0 : (upperBound - value) / upperBound;
    }

    /** Contacts assigned over all offers. */
    public long contacts() {
        long n = 0;
        for (long v : usedVolume) {
            n += v;
        }
        return n;
    }
}
