package io.nbo.bench;

import io.nbo.decision.core.DecisionRequest;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.sample.CustomerGenerator;
import java.time.LocalTime;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic stream of decision requests over a population of {@code customers} generated customers. Holding a
 * million profiles would measure the heap, not the rules, so a pool of {@code poolSize} customers drawn at random
 * from the whole population (any of the N ids may be drawn) is generated once; requests cycle through it, each with
 * its own touchpoint and local time.
 */
public final class Requests {

    /**
     * The web's default answer (false: the eligible offers explained, not every offer of the catalogue);
     * -Dbench.explain=true measures answers that explain every candidate.
     */
    static final boolean EXPLAIN = Boolean.getBoolean("bench.explain");


    private final CustomerProfile[] customers;
    private final DecisionRequest[] requests;
    private int next;

    public Requests(long seed, int population, int poolSize) {
        CustomerGenerator generator = new CustomerGenerator(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xC0FFEEL);
        customers = new CustomerProfile[poolSize];
        requests = new DecisionRequest[poolSize];
        Channel[] touchpoints = Channel.values();
        for (int i = 0; i < poolSize; i++) {
            customers[i] = generator.customer(1 + rnd.nextInt(population));
            requests[i] = new DecisionRequest(customers[i].id(), touchpoints[rnd.nextInt(touchpoints.length)],
                    Map.of("page", "home"), LocalTime.of(rnd.nextInt(24), rnd.nextInt(60)), 3, EXPLAIN);
        }
    }

    public int size() { return requests.length; }

    public CustomerProfile customer(int i) { return customers[i]; }

    public DecisionRequest request(int i) { return requests[i]; }

    /** The index of the next request, round robin (single-threaded use: one per JMH state). */
    public int next() {
        int i = next;
        next = i + 1 == requests.length ? 0 : i + 1;
        return i;
    }
}
