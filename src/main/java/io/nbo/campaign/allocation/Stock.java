package io.nbo.campaign.allocation;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What is left of every offer's volume and budget, shared by all threads that assign. A take either fits entirely
 * (volume and budget) or changes nothing, so a limit is never passed, whatever the number of concurrent callers.
 */
final class Stock {

    private final long[] volumeLimit;
    private final double[] budgetLimit;
    private final AtomicLongArray volume;
    private final AtomicLongArray budgetBits;

    Stock(List<OfferLimit> limits) {
        int n = limits.size();
        volumeLimit = new long[n];
        budgetLimit = new double[n];
        for (int o = 0; o < n; o++) {
            volumeLimit[o] = limits.get(o).volume();
            budgetLimit[o] = limits.get(o).budget();
        }
        volume = new AtomicLongArray(n);
        budgetBits = new AtomicLongArray(n); // all zero bits = 0.0
    }

    int offers() {
        return volumeLimit.length;
    }

    /** Takes one contact of the offer and {@code cost} of its budget if both fit; false (and nothing taken) if not. */
    boolean tryTake(int offer, double cost) {
        long limit = volumeLimit[offer];
        long used;
        do {
            used = volume.get(offer);
            if (used >= limit) {
                return false;
            }
        } while (!volume.compareAndSet(offer, used, used + 1));
        if (cost > 0 && !tryTakeBudget(offer, cost)) {
            volume.decrementAndGet(offer);
            return false;
        }
        return true;
    }

    private boolean tryTakeBudget(int offer, double cost) {
        double limit = budgetLimit[offer];
        long bits;
        double next;
        do {
            bits = budgetBits.get(offer);
            next = Double.longBitsToDouble(bits) + cost;
            if (next > limit) {
                return false;
            }
        } while (!budgetBits.compareAndSet(offer, bits, Double.doubleToRawLongBits(next)));
        return true;
    }

    long[] usedVolume() {
        long[] out = new long[volumeLimit.length];
        for (int o = 0; o < out.length; o++) {
            out[o] = volume.get(o);
        }
        return out;
    }

    double[] usedBudget() {
        double[] out = new double[budgetLimit.length];
        for (int o = 0; o < out.length; o++) {
            out[o] = Double.longBitsToDouble(budgetBits.get(o));
        }
        return out;
    }
}
