package io.nbo.bench;

import io.nbo.campaign.allocation.Assigner;
import io.nbo.campaign.allocation.Customer;
import io.nbo.campaign.allocation.DualPrices;
import io.nbo.campaign.allocation.FirstComeGreedy;
import io.nbo.campaign.allocation.OfferLimit;
import io.nbo.campaign.allocation.Option;
import io.nbo.campaign.allocation.Summary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The allocator alone (deploy/bench/allocation-bench.sh): prices solved on a sample, then a million generated
 * customers assigned with them on N threads, against first-come greedy on the same stream; prints time, peak heap,
 * value, the bound and the gap. A one-shot batch measurement (a main class, not JMH: a run happens once a night).
 *
 * <p>System properties: bench.customers (1,000,000), bench.offers (200), bench.options (40 per customer),
 * bench.volumeLimited (60), bench.budgetLimited (20), bench.sample (50,000), bench.threads (2), bench.margins
 * (0,0.01,0.03: price margins to compare), bench.seed (42).
 */
public final class AllocationBench {

    private static final int CHUNK = 1_024;

    public static void main(String[] args) throws Exception {
        int customers = Integer.getInteger("bench.customers", 1_000_000);
        int offers = Integer.getInteger("bench.offers", 200);
        int options = Integer.getInteger("bench.options", 40);
        int volumeLimited = Integer.getInteger("bench.volumeLimited", 60);
        int budgetLimited = Integer.getInteger("bench.budgetLimited", 20);
        int sampleSize = Integer.getInteger("bench.sample", 50_000);
        int threads = Integer.getInteger("bench.threads", 2);
        long seed = Long.getLong("bench.seed", 42);
        String[] margins = System.getProperty("bench.margins", "0,0.01,0.03").split(",");

        AllocationWorkload w = new AllocationWorkload(seed, customers, offers, options);
        List<OfferLimit> limits = bindingLimits(w, volumeLimited, budgetLimited, seed);
        System.out.printf(Locale.ROOT, "Workload: %,d customers x %d offers, %d options each, %d volume-limited and"
                + " %d budget-limited offers (limits 20-70%% of first-come demand), seed %d, %d threads, max heap %d MB%n",
                customers, offers, w.optionsPerCustomer, volumeLimited, budgetLimited, seed, threads,
                Runtime.getRuntime().maxMemory() >> 20);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            List<Customer> sample = w.sample(sampleSize, seed + 2);
            long t1 = System.nanoTime();
            DualPrices prices = DualPrices.solve(sample, limits, customers / (double) sample.size());
            long t2 = System.nanoTime();
            sample = null;
            long positive = java.util.stream.IntStream.range(0, offers)
                    .filter(o -> prices.price(o) > 0 || prices.budgetPrice(o) > 0).count();
            System.out.printf(Locale.ROOT, "Prices: sample of %,d drawn in %.1f s, solved in %.1f s (%d rounds);"
                    + " %d offers priced; sample bound %,.0f%n", sampleSize, sec(t1 - t0), sec(t2 - t1),
                    prices.rounds(), positive, prices.sampleBound());

            long gen = stream(pool, w, threads, c -> List.of());
            System.out.printf(Locale.ROOT, "Generating the %,d customers alone: %.1f s (included in the passes below)%n",
                    customers, sec(gen));

            FirstComeGreedy greedy = new FirstComeGreedy(limits);
            long tg = stream(pool, w, threads, greedy::assign);
            Summary g = greedy.summary();
            report("first come", tg, g, limits, Double.NaN);

            for (String m : margins) {
                double margin = Double.parseDouble(m.trim());
                Assigner assigner = new Assigner(prices.withMargin(margin), limits);
                long ta = stream(pool, w, threads, assigner::assign);
                report(String.format(Locale.ROOT, "dual, margin %.1f%%", margin * 100), ta + (t2 - t0),
                        assigner.summary(), limits, g.value());
            }
            System.out.printf(Locale.ROOT, "Peak heap during pricing and passes: %,d MB%n", peakHeap() >> 20);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Limits that bind: first-come demand per offer on a pilot sample of 20,000 customers, scaled to the population,
     * times 0.2 to 0.7. The volume-limited offers are every third of the popular half, the budget-limited ones
     * every fifth, so both kinds include popular and less popular offers.
     */
    private static List<OfferLimit> bindingLimits(AllocationWorkload w, int volumeLimited, int budgetLimited, long seed) {
        List<OfferLimit> unlimited = new ArrayList<>();
        for (int o = 0; o < w.offers; o++) {
            unlimited.add(OfferLimit.unlimited("O" + o));
        }
        FirstComeGreedy pilot = new FirstComeGreedy(unlimited);
        List<Customer> sample = w.sample(20_000, seed + 1);
        sample.forEach(pilot::assign);
        Summary s = pilot.summary();
        double scale = w.customers / (double) sample.size();
        SplittableRandom rnd = new SplittableRandom(seed + 3);
        List<OfferLimit> limits = new ArrayList<>(unlimited);
        int v = 0;
        int b = 0;
        for (int o = 0; o < w.offers && (v < volumeLimited || b < budgetLimited); o++) {
            double share = 0.2 + 0.5 * rnd.nextDouble();
            if (v < volumeLimited && o % 3 == 0) {
                limits.set(o, OfferLimit.volume("O" + o, Math.max(1, Math.round(s.usedVolume()[o] * scale * share))));
                v++;
            } else if (b < budgetLimited && o % 5 == 1) {
                limits.set(o, OfferLimit.budget("O" + o, Math.max(1, Math.round(s.usedVolume()[o] * 1.25 * scale * share))));
                b++;
            }
        }
        return limits;
    }

    /** Streams every customer through {@code assign} on the pool, chunks handed out in index order; returns ns. */
    private static long stream(ExecutorService pool, AllocationWorkload w, int threads,
            Function<Customer, List<Option>> assign) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                for (int from = next.getAndAdd(CHUNK); from < w.customers; from = next.getAndAdd(CHUNK)) {
                    for (int i = from; i < Math.min(from + CHUNK, w.customers); i++) {
                        assign.apply(w.customer(i));
                    }
                }
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        return System.nanoTime() - start;
    }

    private static void report(String name, long nanos, Summary s, List<OfferLimit> limits, double greedyValue) {
        int full = 0;
        int limited = 0;
        long unusedVolume = 0;
        for (int o = 0; o < limits.size(); o++) {
            OfferLimit l = limits.get(o);
            if (l.volumeLimited()) {
                limited++;
                unusedVolume += l.volume() - s.usedVolume()[o];
                full += s.usedVolume()[o] == l.volume() ? 1 : 0;
            } else if (l.budgetLimited()) {
                limited++;
                full += s.usedBudget()[o] > l.budget() - 2 ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %6.1f s  value %,14.1f  bound %,14.1f  gap %6.3f%%  %s contacts %,d"
                        + "  reached %,d  limits used up %d/%d (unused volume %,d)%n", name, sec(nanos), s.value(),
                s.upperBound(), 100 * s.gap(), Double.isNaN(greedyValue) ? "" : String.format(Locale.ROOT,
                        "vs first come %+.2f%% ", 100 * (s.value() / greedyValue - 1)), s.contacts(),
                s.customersReached(), full, limited, unusedVolume);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }

    private AllocationBench() {
    }
}
