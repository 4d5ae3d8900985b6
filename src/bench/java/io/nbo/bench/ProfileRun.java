package io.nbo.bench;

import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.validate.DraftChecker;
import java.util.List;
import java.util.Locale;

/**
 * Runs one contender in a loop and prints decisions/s every few seconds: the process to attach a profiler to (JFR:
 * {@code -XX:StartFlightRecording=delay=30s,duration=30s,filename=target/bench/ours.jfr}). Not a measurement.
 * Usage: ProfileRun [ours|merged|fresh|merged-fresh|plain|hand] [seconds]; fresh = a new session per
 * decision instead of the pool, merged = the table with its patterns merged per type (experiments)
 */
public final class ProfileRun {

    public static void main(String[] args) {
        BenchLogging.quiet();
        String who = args.length > 0 ? args[0] : "ours";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long t0 = System.nanoTime();
        Workload workload = new Workload(Long.getLong("bench.seed", 42), Integer.getInteger("bench.offers", 1000),
                Integer.getInteger("bench.rows", 5000));
        Requests requests = new Requests(42, 1_000_000, 65_536);
        OurPipeline us = switch (who) {
            case "ours" -> new OurPipeline(workload, CoreBenchmark.NOW);
            case "merged" -> new OurPipeline(workload, CoreBenchmark.NOW, MergedPatternsExperiment.compile(workload));
            case "fresh", "merged-fresh" -> {
                CompiledRuleSet rules = who.equals("fresh")
                        ? new DraftChecker().compile(List.of(workload.source()))
                        : MergedPatternsExperiment.compile(workload);
                yield new OurPipeline(workload, CoreBenchmark.NOW, rules, new FreshSessionEngine(rules));
            }
            default -> null;
        };
        PlainDrools plain = who.equals("plain") ? new PlainDrools(workload,
                java.time.LocalDate.ofInstant(CoreBenchmark.NOW, java.time.ZoneOffset.UTC)) : null;
        HandWritten hand = who.equals("hand") ? new HandWritten(workload) : null;
        System.out.printf("set up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        if (us != null) {
            HandWritten reference = new HandWritten(workload);
            for (int i = 0; i < 200; i++) {
                java.util.Set<String> ours = OurPipeline.eligibleIds(us.decide(requests.request(i),
                        requests.customer(i)));
                if (!ours.equals(HandWritten.ids(reference.decide(requests.request(i), requests.customer(i))))) {
                    throw new IllegalStateException("DISAGREEMENT with the hand-written rows for request " + i);
                }
            }
            System.out.println("agrees with the hand-written rows on 200 decisions");
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long windowStart = System.nanoTime();
        int count = 0;
        Object sink = null;
        while (System.nanoTime() < end) {
            int i = requests.next();
            sink = us != null ? us.decide(requests.request(i), requests.customer(i))
                    : plain != null ? plain.decide(requests.request(i), requests.customer(i))
                    : hand.decide(requests.request(i), requests.customer(i));
            count++;
            long now = System.nanoTime();
            if (now - windowStart > 5_000_000_000L) {
                System.out.printf(Locale.ROOT, "%s: %.0f decisions/s%n", who, count / ((now - windowStart) / 1e9));
                windowStart = now;
                count = 0;
            }
        }
        System.out.println(sink == null ? "" : "done");
    }

    private ProfileRun() {
    }
}
