package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nbo.contact.persistence.VolumeRepository;
import io.nbo.contact.policy.PolicyTableReader;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.support.DatabaseCalls;
import io.nbo.support.TestClock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Volume blocks against PostgreSQL: what the counter row says after claims, reloads and shutdown, and that two nodes
 * sharing the database never hand out more than the stock between them.
 */
@QuarkusTest
class VolumeReservationTest {

    @Inject
    JdbcVolumeLedger ledger;

    @Inject
    VolumeRepository repository;

    @Inject
    ManagedExecutor executor;

    @Inject
    PolicyService policy;

    @Inject
    DatabaseCalls calls;

    @Inject
    TestClock clock;

    @BeforeEach
    void pinnedClock() {
        clock.reset();
    }

    @AfterEach
    void shippedPolicy() {
        policy.reload("test");
    }

    @Test
    void whileABlockLastsAClaimRunsNoSql() {
        PolicyRule stock = rule("volume", "1000", "");
        ledger.configure(List.of(stock));
        String thread = Thread.currentThread().getName();

        int first = calls.mark();
        assertThat(ledger.claim(stock, BigDecimal.ONE)).isTrue();
        int warm = calls.mark();
        for (int i = 0; i < 50; i++) {
            assertThat(ledger.claim(stock, BigDecimal.ONE)).isTrue();
        }

        assertThat(calls.since(first, thread)).hasSize(2);
        assertThat(calls.since(warm)).isEmpty();
        assertThat(left(stock)).isEqualByComparingTo("900");
        assertThat(ledger.held(stock)).isEqualByComparingTo("49");
    }

    @Test
    void shutdownGivesTheUnusedPartOfTheBlockBack() {
        PolicyRule stock = rule("volume", "1000", "");
        ledger.configure(List.of(stock));
        JdbcVolumeLedger node = node(100);
        for (int i = 0; i < 10; i++) {
            assertThat(node.claim(stock, BigDecimal.ONE)).isTrue();
        }
        assertThat(left(stock)).isEqualByComparingTo("900");

        node.onShutdown(new ShutdownEvent());

        assertThat(left(stock)).isEqualByComparingTo("990");
        assertThat(node.held(stock)).isEqualByComparingTo("0");
    }

    @Test
    void reloadingThePolicyGivesBackTheBlockSoALoweredCapAppliesAtOnce() {
        String name = "Lowered " + UUID.randomUUID();
        PolicyRule before = rule(name, "100", "");
        ledger.configure(List.of(before));
        for (int i = 0; i < 10; i++) {
            assertThat(ledger.claim(before, BigDecimal.ONE)).isTrue();
        }
        assertThat(left(before)).isEqualByComparingTo("50");

        PolicyRule after = rule(name, "10", "");
        ledger.configure(List.of(after));

        assertThat(left(after)).isEqualByComparingTo("0");
        assertThat(ledger.claim(after, BigDecimal.ONE)).isFalse();
        assertThat(ledger.exhausted(after)).isTrue();
        assertThat(ledger.remaining(after)).isEqualByComparingTo("0");
    }

    @Test
    void aBudgetIsHandedOutInWholeOffersAndTheRestIsExplained() {
        PolicyRule budget = rule("volume", "1000", "80");
        ledger.configure(List.of(budget));

        int taken = 0;
        while (ledger.claim(budget, budget.cost())) {
            taken++;
        }

        assertThat(taken).isEqualTo(12);
        assertThat(ledger.exhausted(budget)).isTrue();
        assertThat(ledger.remaining(budget)).isEqualByComparingTo("40");
        assertThat(left(budget)).isEqualByComparingTo("40");
    }

    @Test
    void twoNodesSharingTheDatabaseNeverHandOutMoreThanTheStock() throws Exception {
        PolicyRule stock = rule("volume", "40", "");
        ledger.configure(List.of(stock));
        List<JdbcVolumeLedger> nodes = List.of(node(5), node(5));

        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                JdbcVolumeLedger node = nodes.get(i % 2);
                claims.add(threads.submit(() -> {
                    start.await();
                    return node.claim(stock, BigDecimal.ONE);
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Boolean> claim : claims) {
                taken += claim.get() ? 1 : 0;
            }

            // Every unit is handed out or held in a node's block (a block reserved ahead may land after that node's
            // last claim); none is handed out twice, and shutdown gives the held ones back.
            int handedOut = taken;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    held(nodes, stock).add(BigDecimal.valueOf(handedOut))).isEqualByComparingTo("40"));
            assertThat(left(stock)).isEqualByComparingTo("0");
            BigDecimal held = held(nodes, stock);

            nodes.forEach(node -> node.onShutdown(new ShutdownEvent()));

            assertThat(left(stock)).isEqualByComparingTo(held);
        } finally {
            threads.shutdownNow();
        }
    }

    private static BigDecimal held(List<JdbcVolumeLedger> nodes, PolicyRule rule) {
        return nodes.stream().map(n -> n.held(rule)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Another server node on the same database: its own blocks, the same counters. */
    private JdbcVolumeLedger node(int block) {
        return new JdbcVolumeLedger(repository, repository, executor, block, Duration.ofSeconds(30));
    }

    private BigDecimal left(PolicyRule rule) {
        return repository.left(rule.offer().value(), rule.name());
    }

    private static PolicyRule rule(String name, String limit, String cost) {
        String unique = name.equals("volume") ? "Volume " + UUID.randomUUID() : name;
        return new PolicyTableReader().read("volume.csv", """
                Rule,Type,Channel,Offer,Group,Limit,Window,Outcome,Rest,From,Until,Cost
                %s,volume,,VOLUME-OFFER,,%s,,,,,,%s
                """.formatted(unique, limit, cost)).rules().get(0);
    }
}
