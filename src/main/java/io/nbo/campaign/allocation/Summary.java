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

    /**
     * This summary and another part of the same run together (another node or partition that assigned other
     * customers with the same prices and its own share of every limit): values, bounds and use add up, and the sum of
     * the bounds is the bound of the whole run, since the shares add up to the limits.
     */
    public Summary plus(Summary other) {
        if (other.usedVolume.length != usedVolume.length) {
            throw new IllegalArgumentException("summaries cover " + usedVolume.length + " and "
                    + other.usedVolume.length + " offers; only parts of the same run add up");
        }
        long[] volume = usedVolume.clone();
        double[] budget = usedBudget.clone();
        for (int o = 0; o < volume.length; o++) {
            volume[o] += other.usedVolume[o];
            budget[o] += other.usedBudget[o];
        }
        return new Summary(value + other.value, upperBound + other.upperBound, volume, budget,
                customersReached + other.customersReached);
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
