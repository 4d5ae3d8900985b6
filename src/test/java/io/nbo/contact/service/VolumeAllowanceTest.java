package io.nbo.contact.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbo.contact.persistence.VolumeCounters;
import io.nbo.contact.service.VolumeAllowance.Claim;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One node's block of a volume counter, against an in-memory counter that records every call, and a background
 * executor the test runs by hand: what is reserved when, what a claim costs, and that nothing passes the cap.
 */
class VolumeAllowanceTest {

    private static final BigDecimal ONE = BigDecimal.ONE;

    private final MemoryCounter counter = new MemoryCounter();
    private final ManualExecutor background = new ManualExecutor();
    private final AtomicLong nanos = new AtomicLong();

    private VolumeAllowance stock(int cap) {
        counter.cap = new BigDecimal(cap);
        return new VolumeAllowance("OFFER", "rule", ONE, counter, background, 100, Duration.ofSeconds(30),
                nanos::get);
    }

    @Test
    void firstClaimReservesOneBlockAndTheNextClaimsRunNoQuery() {
        VolumeAllowance allowance = stock(1000);

        for (int i = 0; i < 70; i++) {
            assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);
        }

        assertThat(counter.calls).containsExactly("left", "reserve 100");
        assertThat(counter.used).isEqualByComparingTo("100");
        assertThat(allowance.held()).isEqualByComparingTo("30");
        assertThat(allowance.remaining()).isEqualByComparingTo("930");
        assertThat(background.tasks).isEmpty();
    }

    @Test
    void theNextBlockIsReservedInTheBackgroundWhenAQuarterIsLeft() {
        VolumeAllowance allowance = stock(1000);
        claim(allowance, 75);
        assertThat(background.tasks).isEmpty();

        claim(allowance, 1);
        assertThat(background.tasks).hasSize(1);
        assertThat(counter.calls).containsExactly("left", "reserve 100");

        background.runAll();
        claim(allowance, 124);

        assertThat(counter.calls).containsExactly("left", "reserve 100", "reserve 100");
        assertThat(allowance.held()).isEqualByComparingTo("0");
    }

    @Test
    void aClaimReservesSynchronouslyOnlyWhenTheBlockIsEmpty() {
        VolumeAllowance allowance = stock(1000);
        claim(allowance, 100);
        assertThat(counter.calls).containsExactly("left", "reserve 100");

        assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);

        assertThat(counter.calls).containsExactly("left", "reserve 100", "reserve 100");
        assertThat(allowance.held()).isEqualByComparingTo("99");
    }

    @Test
    void nearTheEndBlocksHalveAndTheStockRunsDryExactly() {
        VolumeAllowance allowance = stock(25);

        int taken = 0;
        while (allowance.claim(ONE) == Claim.TAKEN) {
            taken++;
        }

        assertThat(taken).isEqualTo(25);
        assertThat(counter.calls).containsExactly("left", "reserve 13", "reserve 6", "reserve 3", "reserve 2",
                "reserve 1", "left");
        assertThat(counter.used).isEqualByComparingTo("25");
        assertThat(allowance.exhausted()).isTrue();
        assertThat(allowance.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void aBudgetIsReservedInWholeOffersAndReportsWhatIsLeftOver() {
        counter.cap = new BigDecimal("1000");
        BigDecimal cost = new BigDecimal("80");
        VolumeAllowance allowance = new VolumeAllowance("ELEC-20", "budget", cost, counter, background, 100,
                Duration.ofSeconds(30), nanos::get);

        int taken = 0;
        while (allowance.claim(cost) == Claim.TAKEN) {
            taken++;
        }

        assertThat(taken).isEqualTo(12);
        assertThat(counter.calls).containsExactly("left", "reserve 480", "reserve 240", "reserve 160",
                "reserve 80", "left");
        assertThat(counter.used).isEqualByComparingTo("960");
        assertThat(allowance.exhausted()).isTrue();
        assertThat(allowance.remaining()).isEqualByComparingTo("40");
    }

    @Test
    void closingGivesBackWhatIsHeldAndLaterClaimsAreSentOn() {
        VolumeAllowance allowance = stock(1000);
        claim(allowance, 10);

        BigDecimal unused = allowance.close();
        counter.giveBack("OFFER", "rule", unused);

        assertThat(unused).isEqualByComparingTo("90");
        assertThat(counter.used).isEqualByComparingTo("10");
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.CLOSED);
        assertThat(allowance.release(ONE)).isFalse();
    }

    @Test
    void aBackgroundRefillThatFindsTheAllowanceClosedReservesNothing() {
        VolumeAllowance allowance = stock(1000);
        claim(allowance, 76);
        assertThat(background.tasks).hasSize(1);

        counter.giveBack("OFFER", "rule", allowance.close());
        background.runAll();

        assertThat(counter.used).isEqualByComparingTo("76");
        assertThat(counter.calls).containsExactly("left", "reserve 100", "give back 24");
    }

    @Test
    void releasedUnitsAreHandedOutAgainFromMemory() {
        VolumeAllowance allowance = stock(3);
        claim(allowance, 3);
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);
        List<String> before = new ArrayList<>(counter.calls);

        assertThat(allowance.release(ONE)).isTrue();

        assertThat(allowance.exhausted()).isFalse();
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);
        assertThat(counter.calls).isEqualTo(before);
        assertThat(counter.used).isEqualByComparingTo("3");
    }

    @Test
    void soldOutIsLookedAtAgainOnlyAfterTheRecheckIntervalAndInTheBackground() {
        VolumeAllowance allowance = stock(2);
        claim(allowance, 2);
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);
        background.runAll();
        counter.giveBack("OFFER", "rule", new BigDecimal("2"));
        int calls = counter.calls.size();

        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(allowance.exhausted()).isTrue();
        assertThat(background.tasks).isEmpty();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(allowance.exhausted()).isTrue();
        assertThat(counter.calls).hasSize(calls);
        background.runAll();

        assertThat(allowance.exhausted()).isFalse();
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);
    }

    @Test
    void withTheDatabaseAwayTheBlockIsHandedOutThenTheOfferStopsAtOnceAndComesBackWithTheDatabase() {
        VolumeAllowance allowance = stock(1000);
        claim(allowance, 70);
        counter.down = true;
        claim(allowance, 30);
        // The refill queued at a quarter left fails in the background: from now on the counter is known unreachable.
        background.runAll();
        assertThat(allowance.unreachable()).isTrue();
        int calls = counter.calls.size();

        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);
        assertThat(allowance.exhausted()).isTrue();
        assertThat(allowance.remaining()).isEqualByComparingTo("0");
        assertThat(counter.calls).as("no claim waits on the database").hasSize(calls);
        assertThat(background.tasks).as("no retry before a second has passed").isEmpty();
        assertThat(counter.used).isEqualByComparingTo("100");

        nanos.addAndGet(VolumeAllowance.RETRY.toNanos());
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);
        assertThat(background.tasks).hasSize(1);
        background.runAll();
        assertThat(allowance.unreachable()).isTrue();

        counter.down = false;
        nanos.addAndGet(VolumeAllowance.RETRY.toNanos());
        assertThat(allowance.exhausted()).isTrue();
        background.runAll();

        assertThat(allowance.unreachable()).isFalse();
        assertThat(allowance.exhausted()).isFalse();
        assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);
        assertThat(counter.used).isEqualByComparingTo("200");
    }

    @Test
    void aFirstClaimWithTheDatabaseAwayIsNoneLeftNotAFailure() {
        VolumeAllowance allowance = stock(1000);
        counter.down = true;

        assertThat(allowance.claim(ONE)).isEqualTo(Claim.NONE_LEFT);

        assertThat(allowance.unreachable()).isTrue();
        assertThat(allowance.remaining()).isEqualByComparingTo("0");
        assertThat(counter.used).isEqualByComparingTo("0");
    }

    private static void claim(VolumeAllowance allowance, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(allowance.claim(ONE)).isEqualTo(Claim.TAKEN);
        }
    }

    /** The shared counter in memory: all-or-nothing reservations under the cap, every call recorded; can be down. */
    private static final class MemoryCounter implements VolumeCounters {
        BigDecimal cap = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        boolean down;
        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized boolean reserve(String offerId, String rule, BigDecimal amount) {
            calls.add("reserve " + amount.toPlainString());
            unreachable();
            if (used.add(amount).compareTo(cap) > 0) {
                return false;
            }
            used = used.add(amount);
            return true;
        }

        @Override
        public synchronized void giveBack(String offerId, String rule, BigDecimal amount) {
            calls.add("give back " + amount.toPlainString());
            used = used.subtract(amount).max(BigDecimal.ZERO);
        }

        @Override
        public synchronized BigDecimal left(String offerId, String rule) {
            calls.add("left");
            unreachable();
            return cap.subtract(used);
        }
        private void unreachable() {
            if (down) {
                throw new IllegalStateException("reading the counter failed",
                        new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
        }
    }

    /** Background work the test runs when it chooses. */
    private static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }
}
