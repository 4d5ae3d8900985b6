package io.nbo.bench;

import io.nbo.decision.core.Decision;
import io.nbo.decision.core.EligibilityResult.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decisions per second of the three contenders on the same workload, one decision per operation, one thread.
 * Each contender has its own state so a fork only builds what it measures.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoreBenchmark {

    /** A fixed instant: every contender sees the same local date. */
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @State(Scope.Thread)
    public abstract static class Shape {
        @Param("1000000")
        public int customers;
        @Param("1000")
        public int offers;
        @Param("5000")
        public int rows;
        @Param("42")
        public long seed;
        @Param("65536")
        public int pool;

        Workload workload;
        Requests requests;

        void build() {
            BenchLogging.quiet();
            workload = new Workload(seed, offers, rows);
            requests = new Requests(seed, customers, pool);
        }
    }

    public static class Ours extends Shape {
        OurPipeline pipeline;

        @Setup
        public void setUp() {
            build();
            pipeline = new OurPipeline(workload, NOW);
        }
    }

    public static class Plain extends Shape {
        PlainDrools drools;

        @Setup
        public void setUp() {
            build();
            drools = new PlainDrools(workload, LocalDate.ofInstant(NOW, ZoneOffset.UTC));
        }
    }

    public static class Hand extends Shape {
        HandWritten hand;

        @Setup
        public void setUp() {
            build();
            hand = new HandWritten(workload);
        }
    }

    @Benchmark
    public Decision ourPipeline(Ours s) {
        int i = s.requests.next();
        return s.pipeline.decide(s.requests.request(i), s.requests.customer(i));
    }

    @Benchmark
    public Map<String, Verdict> plainDrools(Plain s) {
        int i = s.requests.next();
        return s.drools.decide(s.requests.request(i), s.requests.customer(i));
    }

    @Benchmark
    public HandWritten.Answer handWritten(Hand s) {
        int i = s.requests.next();
        return s.hand.decide(s.requests.request(i), s.requests.customer(i));
    }
}
