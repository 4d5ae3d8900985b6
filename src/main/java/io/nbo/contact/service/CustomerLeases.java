package io.nbo.contact.service;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.ClusterConfig;
import io.quarkiverse.infinispan.embedded.Embedded;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.infinispan.Cache;

/**
 * One decision per customer at a time, whichever node makes it. A decision reads the customer's contact history,
 * checks the caps against it and appends what it offered; two decisions for the same customer on two nodes at once
 * would both pass a cap only one more contact fits. So a decision holds the customer's lease (an entry of the
 * distributed cache {@code customer-locks}, taken with {@code putIfAbsent} on its primary owner, atomic across nodes)
 * from the history read to the append. Another decision for that customer waits (backing off from 1 to 20 ms) up to
 * {@code nbo.cluster.customer-wait}, then gets 503. The lease ends with the decision, or by itself after
 * {@code nbo.cluster.customer-lease} should its node die holding it.
 *
 * <p>Why a lease and not an optimistic replace of the history: a decision that lost the race would have to give back
 * the stock it claimed and decide again; decisions for one customer at the same instant are rare (a double click, two
 * channels), so waiting a few milliseconds is cheaper and simpler. Its cost for everyone else: one conditional put
 * and one conditional remove on the key's owner (measured in docs/benchmarks.md).
 */
@ApplicationScoped
public class CustomerLeases {

    /** Tokens unique across nodes without a SecureRandom call per decision: this node's random prefix and a count. */
    private final String node = UUID.randomUUID().toString().substring(0, 13);
    private final AtomicLong taken = new AtomicLong();
    private final Cache<String, String> leases;
    private final Duration lease;
    private final Duration wait;

    public CustomerLeases(@Embedded("customer-locks") Cache<String, String> leases, ClusterConfig config) {
        this.leases = leases;
        this.lease = config.customerLease();
        this.wait = config.customerWait();
    }

    /** Runs {@code work} holding the customer's lease. */
    public <T> T holding(String customerId, Supplier<T> work) {
        String token = node + taken.incrementAndGet();
        take(customerId, token);
        try {
            return work.get();
        } finally {
            leases.remove(customerId, token);
        }
    }

    private void take(String customerId, String token) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (leases.putIfAbsent(customerId, token, lease.toMillis(), TimeUnit.MILLISECONDS) != null) {
            if (System.nanoTime() > deadline) {
                throw new UnavailableProblem("another decision for this customer has been in progress for more than "
                        + wait.toMillis() + " ms; try again shortly", 1);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
