package io.nbo.bench;

import io.nbo.campaign.allocation.Customer;
import io.nbo.campaign.allocation.Option;
import io.nbo.offer.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The allocation benchmark's audience, generated customer by customer from (seed, index) so a million customers x 40
 * options never sit in memory at once, as in a real run that streams them: offer popularity is Zipf-like (s = 0.8),
 * business values lognormal per offer, propensities lognormal (median 4%) times a per-customer affinity, so a few
 * customers and offers carry much of the value; capacity 1 (50%), 2 (30%) or 3 (20%); costs 0.5 to 2 budget units.
 */
final class AllocationWorkload {

    private static final Channel[] CHANNELS = {Channel.EMAIL, Channel.SMS, Channel.PUSH};

    final long seed;
    final int customers;
    final int offers;
    final int optionsPerCustomer;
    private final double[] cumulative;
    private final double[] businessValue;

    AllocationWorkload(long seed, int customers, int offers, int optionsPerCustomer) {
        this.seed = seed;
        this.customers = customers;
        this.offers = offers;
        this.optionsPerCustomer = Math.min(optionsPerCustomer, offers);
        SplittableRandom rnd = new SplittableRandom(seed);
        cumulative = new double[offers];
        businessValue = new double[offers];
        double sum = 0;
        for (int o = 0; o < offers; o++) {
            sum += 1 / Math.pow(o + 1, 0.8);
            cumulative[o] = sum;
            businessValue[o] = 20 * Math.exp(gaussian(rnd) * 0.8);
        }
        for (int o = 0; o < offers; o++) {
            cumulative[o] /= sum;
        }
    }

    /** Customer {@code i}, the same every time it is asked for. */
    Customer customer(int i) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        double affinity = Math.exp(gaussian(rnd) * 0.5);
        int capacity = rnd.nextDouble() < 0.5 ? 1 : rnd.nextDouble() < 0.6 ? 2 : 3;
        Option[] options = new Option[optionsPerCustomer];
        long[] taken = new long[(offers + 63) / 64];
        int n = 0;
        while (n < optionsPerCustomer) {
            int o = popular(rnd.nextDouble());
            if ((taken[o >> 6] & (1L << o)) != 0) {
                continue;
            }
            taken[o >> 6] |= 1L << o;
            double propensity = Math.min(1, 0.04 * Math.exp(gaussian(rnd)) * affinity);
            double value = Math.max(1e-6, propensity * businessValue[o]);
            double cost = 0.5 + 1.5 * rnd.nextDouble();
            options[n++] = new Option(o, CHANNELS[rnd.nextInt(CHANNELS.length)], value, cost);
        }
        return new Customer("C" + i, capacity, options);
    }

    /** A uniform random sample of {@code size} customers (by index, without repetition for size << customers). */
    List<Customer> sample(int size, long sampleSeed) {
        SplittableRandom rnd = new SplittableRandom(sampleSeed);
        List<Customer> out = new ArrayList<>(size);
        java.util.BitSet drawn = new java.util.BitSet(customers);
        while (out.size() < Math.min(size, customers)) {
            int i = rnd.nextInt(customers);
            if (!drawn.get(i)) {
                drawn.set(i);
                out.add(customer(i));
            }
        }
        return out;
    }

    private int popular(double u) {
        int lo = 0;
        int hi = offers - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
