package io.nbo.campaign.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Assigns each customer, in any order and from any number of threads, the options with the highest value minus
 * price ({@link DualPrices}), at most {@code capacity} of them, skipping offers whose volume or budget is used up.
 * A limit is never passed (see {@link Stock}); an option whose value minus price is negative, or whose value is 0,
 * is never taken.
 *
 * <p>In the same pass it computes the Lagrangian dual value at the prices used,
 * {@code L(λ) = Σ_c (sum of the best capacity_c of (value − λ_volume − λ_budget·cost)⁺) + Σ_o (λ_volume,o·volume_o
 * + λ_budget,o·budget_o)}, which is an upper bound on the best total value of any allocation of the customers
 * assigned (for every λ &ge; 0 it bounds the linear relaxation, which bounds the integer optimum). The bound holds
 * once every customer of the population has gone through {@link #assign}; the run streams them, so nothing else is
 * kept per customer.
 */
public final class Assigner {

    private final DualPrices prices;
    private final Stock stock;
    private final List<OfferLimit> limits;
    private final DoubleAdder value = new DoubleAdder();
    private final DoubleAdder bound = new DoubleAdder();
    private final LongAdder reached = new LongAdder();

    public Assigner(DualPrices prices, List<OfferLimit> limits) {
        this.prices = Objects.requireNonNull(prices, "prices");
        this.limits = List.copyOf(limits);
        if (prices.offers() != this.limits.size()) {
            throw new IllegalArgumentException("prices are for " + prices.offers() + " offers but there are "
                    + this.limits.size() + " limits; solve the prices for the same offers");
        }
        this.stock = new Stock(this.limits);
    }

    /** The options assigned to this customer, best first (may be empty). Thread-safe. */
    public List<Option> assign(Customer c) {
        Option[] options = c.options();
        int n = options.length;
        int[] order = new int[n];
        double[] reduced = new double[n];
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            Option o = options[i];
            if (o.offer() >= stock.offers()) {
                throw new IllegalArgumentException("option names offer " + o.offer() + " but the problem has "
                        + stock.offers() + " offers (indexes 0.." + (stock.offers() - 1) + ")");
            }
            double r = o.value() - prices.price(o);
            if (o.value() > 0 && r >= 0) {
                reduced[i] = r;
                candidates = insert(order, candidates, i, reduced, options);
            }
        }
        int capacity = c.capacity();
        double contribution = 0;
        for (int j = 0; j < Math.min(capacity, candidates); j++) {
            contribution += reduced[order[j]];
        }
        bound.add(contribution);
        List<Option> taken = new ArrayList<>(Math.min(capacity, candidates));
        double got = 0;
        for (int j = 0; j < candidates && taken.size() < capacity; j++) {
            Option o = options[order[j]];
            if (stock.tryTake(o.offer(), o.cost())) {
                taken.add(o);
                got += o.value();
            }
        }
        if (!taken.isEmpty()) {
            value.add(got);
            reached.increment();
        }
        return taken;
    }

    /**
     * Inserts option i into the first {@code size} entries of order, kept sorted by reduced value descending, then
     * value ascending (at equal value minus price, the option with the lower price, which uses less of what is
     * scarce: a customer at the margin of a limit leaves it to those who value it more, as the LP does), then offer
     * index ascending, so ties are broken the same way on every node.
     */
    private static int insert(int[] order, int size, int i, double[] reduced, Option[] options) {
        int j = size;
        while (j > 0 && before(i, order[j - 1], reduced, options)) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
        return size + 1;
    }

    private static boolean before(int a, int b, double[] reduced, Option[] options) {
        if (reduced[a] != reduced[b]) {
            return reduced[a] > reduced[b];
        }
        if (options[a].value() != options[b].value()) {
            return options[a].value() < options[b].value(); // equal reduced value: the one using less scarce stock
        }
        return options[a].offer() < options[b].offer();
    }

    /** What has been assigned so far, and the bound; complete once every customer has been assigned. */
    public Summary summary() {
        double dualTerm = 0;
        for (int o = 0; o < limits.size(); o++) {
            OfferLimit l = limits.get(o);
            if (prices.price(o) > 0) {
                dualTerm += prices.price(o) * l.volume();
            }
            if (prices.budgetPrice(o) > 0) {
                dualTerm += prices.budgetPrice(o) * l.budget();
            }
        }
        return new Summary(value.sum(), bound.sum() + dualTerm, stock.usedVolume(), stock.usedBudget(),
                reached.sum());
    }

    public DualPrices prices() {
        return prices;
    }
}
