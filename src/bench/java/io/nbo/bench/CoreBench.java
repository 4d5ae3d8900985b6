package io.nbo.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of the decision core benchmark (deploy/bench/core-bench.sh): writes the generated table under
 * target/bench, checks that the three contenders agree for a sample of customers (stops loudly if not), runs the
 * three JMH benchmarks in one run and prints decisions/s side by side with the ratios.
 *
 * <p>System properties: bench.customers, bench.offers, bench.rows, bench.seed, bench.pool, bench.agree (sample
 * size), bench.include (regex of contenders to time), bench.warmup / bench.measure (iterations of bench.seconds each), bench.forks, bench.jvmArgs.
 */
public final class CoreBench {

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int customers = Integer.getInteger("bench.customers", 1_000_000);
        int offers = Integer.getInteger("bench.offers", 1_000);
        int rows = Integer.getInteger("bench.rows", 5_000);
        long seed = Long.getLong("bench.seed", 42);
        int pool = Integer.getInteger("bench.pool", 65_536);
        int agree = Integer.getInteger("bench.agree", 2_000);

        long start = System.nanoTime();
        Workload workload = new Workload(seed, offers, rows);
        Path table = workload.write(Path.of("target", "bench"));
        System.out.printf("Workload: %,d customers (pool of %,d drawn), %,d offers, %,d rows, seed %d -> %s%n",
                customers, pool, offers, rows, seed, table);
        Requests requests = new Requests(seed, customers, Math.min(pool, agree));
        OurPipeline us = new OurPipeline(workload, CoreBenchmark.NOW);
        System.out.printf("Our compiler: %d rules, rule set %s%n", us.ruleSet().ruleCount(), us.ruleSet().version());
        PlainDrools drools = new PlainDrools(workload, LocalDate.ofInstant(CoreBenchmark.NOW, ZoneOffset.UTC));
        HandWritten hand = new HandWritten(workload);
        Agreement.Summary summary = Agreement.check(requests, agree, us, drools, hand);
        System.out.printf(Locale.ROOT, "Agreement: OK, %d decisions, the three contenders name the same eligible "
                        + "offers (%.1f per decision, %d with none) and we choose what the hand-written code "
                        + "chooses (%d s to set up)%n", summary.decisions(),
                summary.eligibleOffers() / (double) summary.decisions(), summary.withNoOffer(),
                (System.nanoTime() - start) / 1_000_000_000);

        int seconds = Integer.getInteger("bench.seconds", 5);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(CoreBenchmark.class.getName() + "\\." + System.getProperty("bench.include", ""))
                .param("customers", String.valueOf(customers)).param("offers", String.valueOf(offers))
                .param("rows", String.valueOf(rows)).param("seed", String.valueOf(seed))
                .param("pool", String.valueOf(pool))
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .measurementIterations(Integer.getInteger("bench.measure", 5))
                .warmupTime(TimeValue.seconds(seconds)).measurementTime(TimeValue.seconds(seconds))
                .forks(Integer.getInteger("bench.forks", 1))
                .jvmArgs(System.getProperty("bench.jvmArgs", "-Xms2g -Xmx2g -XX:+UseParallelGC -Djava.util.logging.manager=org.jboss.logmanager.LogManager").split(" "));
        Collection<RunResult> results = new Runner(options.build()).run();
        report(results);
    }

    private static void report(Collection<RunResult> results) {
        Map<String, double[]> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            score.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        System.out.println();
        System.out.println("Decision core, decisions/s (one thread, higher is better)");
        for (String name : new String[] {"ourPipeline", "plainDrools", "handWritten"}) {
            double[] s = score.get(name);
            if (s != null) {
                System.out.printf(Locale.ROOT, "  %-12s %,12.0f  +- %,.0f   (%.1f us/decision)%n", name, s[0], s[1],
                        1e6 / s[0]);
            }
        }
        double[] us = score.get("ourPipeline");
        double[] plain = score.get("plainDrools");
        double[] hand = score.get("handWritten");
        if (us != null && plain != null) {
            System.out.printf(Locale.ROOT, "  us / plain Drools  = %.2fx faster   (target >= 5x)%n", us[0] / plain[0]);
        }
        if (us != null && hand != null) {
            System.out.printf(Locale.ROOT, "  hand-written / us  = %.2fx          (target <= 2x)%n", hand[0] / us[0]);
        }
    }

    private CoreBench() {
    }
}
