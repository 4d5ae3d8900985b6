package io.nbo.campaign.allocation;

import java.util.Arrays;

/**
 * Checks that a customer's options name each offer at most once, in time linear in the number of options: a
 * per-thread stamp per offer index instead of a set or a sort, as it runs once per customer of a million.
 */
final class DistinctOffers {

    private static final ThreadLocal<Stamps> STAMPS = ThreadLocal.withInitial(Stamps::new);

    private DistinctOffers() {
    }

    static void check(Option[] options) {
        Stamps s = STAMPS.get();
        int stamp = ++s.current;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(s.seen, 0);
            s.current = stamp = 1;
        }
        for (Option o : options) {
            if (o == null) {
                throw new IllegalArgumentException("options must not contain null");
            }
            if (o.offer() >= s.seen.length) {
                s.seen = Arrays.copyOf(s.seen, Math.max(o.offer() + 1, s.seen.length * 2));
            }
            if (s.seen[o.offer()] == stamp) {
                throw new IllegalArgumentException("offer " + o.offer() + " appears twice among a customer's options;"
                        + " keep the best channel for it before allocating");
            }
            s.seen[o.offer()] = stamp;
        }
    }

    private static final class Stamps {
        int[] seen = new int[256];
        int current;
    }
}
