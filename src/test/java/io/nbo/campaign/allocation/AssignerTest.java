package io.nbo.campaign.allocation;

import static io.nbo.campaign.allocation.Problems.customer;
import static io.nbo.campaign.allocation.Problems.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.nbo.campaign.allocation.Problems.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AssignerTest {

    @Test
    void firstComeGivesTheStockToTheEarlyCustomerAndDualPricesToTheOneWhoValuesItMore() {
        Problem p = Problems.earlyCustomerTakesTheStock();

        FirstComeGreedy greedy = new FirstComeGreedy(p.limits());
        List<List<Option>> greedyAnswers = p.customers().stream().map(greedy::assign).toList();

        DualPrices prices = DualPrices.solve(p.customers(), p.limits(), 1.0);
        Assigner assigner = new Assigner(prices, p.limits());
        List<List<Option>> answers = p.customers().stream().map(assigner::assign).toList();

        assertThat(greedyAnswers).containsExactly(List.of(email(0, 10)), List.of(email(1, 1)));
        assertThat(greedy.summary().value()).isEqualTo(11.0);
        assertThat(prices.price(0)).isEqualTo(1.0); // the early customer's loss from giving it up: 10 - 9
        assertThat(prices.price(1)).isEqualTo(0.0);
        assertThat(answers).containsExactly(List.of(email(1, 9)), List.of(email(0, 10)));
        Summary s = assigner.summary();
        assertThat(s.value()).isEqualTo(19.0);
        assertThat(s.upperBound()).isEqualTo(19.0); // (9) + (10 - 1) + 1 x 1 contact: the dual meets the optimum
        assertThat(s.gap()).isEqualTo(0.0);
        assertThat(s.usedVolume()).containsExactly(1, 1);
        assertThat(s.customersReached()).isEqualTo(2);
        assertThat(ExactAllocator.solve(p.customers(), p.limits()).value()).isEqualTo(19.0);
    }

    @Test
    void capacityTakesTheBestReducedValuesAndSkipsOffersWithoutStock() {
        List<OfferLimit> limits = List.of(OfferLimit.volume("a", 0), OfferLimit.budget("b", 5),
                OfferLimit.unlimited("c"), OfferLimit.unlimited("d"));
        Assigner assigner = new Assigner(DualPrices.none(4), limits);

        List<Option> first = assigner.assign(customer("x", 2, email(0, 50), email(1, 40, 3), email(2, 5), email(3, 6)));
        List<Option> second = assigner.assign(customer("y", 2, email(1, 40, 3), email(2, 5), email(3, 0)));

        assertThat(first).containsExactly(email(1, 40, 3), email(3, 6));
        assertThat(second).containsExactly(email(2, 5)); // budget 5 - 3 = 2 left < 3; a 0-value option is never sent
        Summary s = assigner.summary();
        assertThat(s.usedVolume()).containsExactly(0, 1, 1, 1);
        assertThat(s.usedBudget()).containsExactly(0.0, 3.0, 0.0, 0.0);
        assertThat(s.value()).isEqualTo(51.0);
        assertThat(s.customersReached()).isEqualTo(2);
    }

    @Test
    void fourThreadsAssigningTogetherNeverPassALimitOrACapacity() throws Exception {
        Problem p = Problems.random(7, 20_000, 12, 0.5);
        List<Customer> shuffled = new ArrayList<>(p.customers());
        Collections.shuffle(shuffled, new java.util.Random(7));
        DualPrices prices = DualPrices.solve(shuffled.subList(0, 2_000), p.limits(), 10.0);
        for (DualPrices used : List.of(prices, DualPrices.none(12))) {
            Assigner assigner = new Assigner(used, p.limits());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Customer> part = shuffled.subList(t * 5_000, (t + 1) * 5_000);
                parts.add(pool.submit(() -> countAndCheckCapacity(assigner, part, p.limits().size())));
            }
            long[] counted = new long[12];
            for (Future<long[]> f : parts) {
                long[] c = f.get(60, TimeUnit.SECONDS);
                for (int o = 0; o < 12; o++) {
                    counted[o] += c[o];
                }
            }
            pool.shutdown();
            Summary s = assigner.summary();
            assertThat(s.usedVolume()).containsExactly(counted);
            for (int o = 0; o < 12; o++) {
                OfferLimit l = p.limits().get(o);
                assertThat(s.usedVolume()[o]).as("volume of offer %d", o).isLessThanOrEqualTo(l.volume());
                assertThat(s.usedBudget()[o]).as("budget of offer %d", o).isLessThanOrEqualTo(l.budget());
            }
            // the limits were contested: some volume limit is used to the last contact
            assertThat(IntStream.range(0, 12).filter(o -> p.limits().get(o).volumeLimited()
                    && s.usedVolume()[o] == p.limits().get(o).volume())).isNotEmpty();
        }
    }

    private static long[] countAndCheckCapacity(Assigner assigner, List<Customer> part, int offers) {
        long[] counted = new long[offers];
        for (Customer c : part) {
            List<Option> got = assigner.assign(c);
            if (got.size() > c.capacity()) {
                throw new AssertionError("customer " + c.customerId() + " got " + got.size() + " > " + c.capacity());
            }
            got.forEach(o -> counted[o.offer()]++);
        }
        return counted;
    }

    @Test
    void twoNodesWithHalfOfEveryLimitAndTheSamePricesAddUpToOneValidBound() {
        Problem p = Problems.random(3, 30, 6, 0.6);
        DualPrices prices = DualPrices.solve(p.customers(), p.limits(), 1.0);
        Assigner first = new Assigner(prices, half(p.limits(), 0));
        Assigner second = new Assigner(prices, half(p.limits(), 1));
        p.customers().subList(0, 15).forEach(first::assign);
        p.customers().subList(15, 30).forEach(second::assign);
        Assigner whole = new Assigner(prices, p.limits());
        p.customers().forEach(whole::assign);

        Summary both = first.summary().plus(second.summary());

        assertThat(both.upperBound()).isCloseTo(whole.summary().upperBound(), within(1e-9));
        assertThat(both.upperBound()).isGreaterThanOrEqualTo(ExactAllocator.solve(p.customers(), p.limits()).value());
        assertThat(both.value()).isCloseTo(first.summary().value() + second.summary().value(), within(1e-9));
        assertThat(both.customersReached())
                .isEqualTo(first.summary().customersReached() + second.summary().customersReached());
        for (int o = 0; o < 6; o++) {
            assertThat(both.usedVolume()[o]).isLessThanOrEqualTo(p.limits().get(o).volume());
        }
    }

    /** Part {@code part} (0 or 1) of every limit: the two parts add up to the limit. */
    private static List<OfferLimit> half(List<OfferLimit> limits, int part) {
        return limits.stream().map(l -> new OfferLimit(l.offerId(),
                l.volumeLimited() ? (part == 0 ? l.volume() / 2 : l.volume() - l.volume() / 2) : Long.MAX_VALUE,
                l.budgetLimited() ? l.budget() / 2 : Double.POSITIVE_INFINITY)).toList();
    }

    @Test
    void anOptionForAnOfferOutsideTheProblemIsRefusedWithTheRange() {
        Assigner assigner = new Assigner(DualPrices.none(2), List.of(OfferLimit.unlimited("a"),
                OfferLimit.unlimited("b")));
        assertThatThrownBy(() -> assigner.assign(customer("x", 1, email(2, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option names offer 2 but the problem has 2 offers (indexes 0..1)");
    }

    @Test
    void aCustomerWithTheSameOfferTwiceIsRefused() {
        assertThatThrownBy(() -> customer("x", 1, email(3, 1), email(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offer 3 appears twice among a customer's options; keep the best channel for it before"
                        + " allocating");
    }
}
