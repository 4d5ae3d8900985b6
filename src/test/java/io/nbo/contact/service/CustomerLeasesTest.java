package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nbo.common.error.UnavailableProblem;
import io.nbo.config.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One decision per customer at a time, on a real (local) Infinispan cache; a dead holder's lease ends by itself. */
class CustomerLeasesTest {

    private final DefaultCacheManager manager = new DefaultCacheManager();
    private final Cache<String, String> cache;

    CustomerLeasesTest() {
        manager.defineConfiguration("customer-locks", new ConfigurationBuilder().build());
        cache = manager.getCache("customer-locks");
    }

    @AfterEach
    void stop() {
        manager.stop();
    }

    @Test
    void decisionsForOneCustomerNeverOverlapWhileOthersRunSideBySide() throws Exception {
        CustomerLeases leases = new CustomerLeases(cache, config(Duration.ofSeconds(10), Duration.ofSeconds(10)));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                runs.add(pool.submit(() -> leases.holding(n % 4 == 0 ? "C-OTHER" : "C-1", () -> {
                    if (n % 4 == 0) {
                        return n;
                    }
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                    inside.decrementAndGet();
                    return n;
                })));
            }
            for (Future<Integer> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(cache.isEmpty()).as("every lease given back").isTrue();
    }

    @Test
    void aLeaseHeldTooLongIsA503ThatSaysWhy() {
        CustomerLeases leases = new CustomerLeases(cache, config(Duration.ofSeconds(10), Duration.ofMillis(100)));
        cache.put("C-1", "held by a decision elsewhere");

        assertThatThrownBy(() -> leases.holding("C-1", () -> "never"))
                .isInstanceOf(UnavailableProblem.class)
                .hasMessage("another decision for this customer has been in progress for more than 100 ms; try again "
                        + "shortly");
        assertThat(cache.get("C-1")).isEqualTo("held by a decision elsewhere");
    }

    @Test
    void theLeaseOfANodeThatDiedEndsByItself() {
        CustomerLeases leases = new CustomerLeases(cache, config(Duration.ofSeconds(10), Duration.ofSeconds(5)));
        cache.put("C-1", "held by a node that died", 300, TimeUnit.MILLISECONDS);

        assertThat(leases.holding("C-1", () -> "decided")).isEqualTo("decided");
        assertThat(cache.containsKey("C-1")).isFalse();
    }

    private static ClusterConfig config(Duration lease, Duration wait) {
        return new ClusterConfig() {
            public boolean enabled() {
                return false;
            }

            public Duration resyncInterval() {
                return Duration.ofSeconds(15);
            }

            public Optional<String> journalPeers() {
                return Optional.empty();
            }

            public Duration adoptInterval() {
                return Duration.ofSeconds(5);
            }

            public Duration customerLease() {
                return lease;
            }

            public Duration customerWait() {
                return wait;
            }
        };
    }
}
