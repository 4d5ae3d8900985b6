package io.nbo.campaign.allocation;

import java.util.ArrayList;
import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The exact optimum of a small allocation problem, as a reference for tests and for checking the dual-price
 * allocation: a 0/1 integer program solved by ojAlgo's branch and bound (pure Java, MIT licence). One binary per
 * option; per customer, the chosen options &le; capacity; per offer, contacts &le; volume and cost &le; budget;
 * maximise total value. {@link #relaxation} solves the same model with the binaries relaxed to [0, 1].
 */
public final class ExactAllocator {

    /** Above this many options the integer program is not what to use: solve prices and use {@link Assigner}. */
    public static final int MAX_OPTIONS = 2_000;

    /**
     * An optimal allocation.
     *
     * @param value  total value
     * @param chosen per customer (same order as given), the options chosen
     */
    public record Allocation(double value, List<List<Option>> chosen) {
    }

    private ExactAllocator() {
    }

    /** The best allocation of the customers within the limits; throws if the solver does not prove optimality. */
    public static Allocation solve(List<Customer> customers, List<OfferLimit> limits) {
        Model m = build(customers, limits, true);
        Optimisation.Result r = m.model.maximise();
        if (!r.getState().isOptimal()) {
            throw new IllegalStateException("the integer program was not solved to optimality: " + r.getState());
        }
        List<List<Option>> chosen = new ArrayList<>(customers.size());
        double value = 0;
        int v = 0;
        for (Customer c : customers) {
            List<Option> mine = new ArrayList<>();
            for (Option o : c.options()) {
                if (r.doubleValue(v++) > 0.5) {
                    mine.add(o);
                    value += o.value();
                }
            }
            chosen.add(List.copyOf(mine));
        }
        return new Allocation(value, List.copyOf(chosen));
    }

    /** The optimum of the linear relaxation, which no allocation can beat and the dual value can only meet. */
    public static double relaxation(List<Customer> customers, List<OfferLimit> limits) {
        Optimisation.Result r = build(customers, limits, false).model.maximise();
        if (!r.getState().isOptimal()) {
            throw new IllegalStateException("the linear relaxation was not solved to optimality: " + r.getState());
        }
        return r.getValue();
    }

    private record Model(ExpressionsBasedModel model) {
    }

    private static Model build(List<Customer> customers, List<OfferLimit> limits, boolean integer) {
        int options = customers.stream().mapToInt(c -> c.options().length).sum();
        if (options > MAX_OPTIONS) {
            throw new IllegalArgumentException("the exact allocator is for small instances (at most " + MAX_OPTIONS
                    + " options); this one has " + options + ": use DualPrices and Assigner");
        }
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Expression[] volume = new Expression[limits.size()];
        Expression[] budget = new Expression[limits.size()];
        for (int o = 0; o < limits.size(); o++) {
            OfferLimit l = limits.get(o);
            if (l.volumeLimited()) {
                volume[o] = model.addExpression("volume" + o).upper(l.volume());
            }
            if (l.budgetLimited()) {
                budget[o] = model.addExpression("budget" + o).upper(l.budget());
            }
        }
        int n = 0;
        int customer = 0;
        for (Customer c : customers) {
            Expression capacity = model.addExpression("capacity" + customer++).upper(c.capacity());
            for (Option o : c.options()) {
                if (o.offer() >= limits.size()) {
                    throw new IllegalArgumentException("option names offer " + o.offer() + " but the problem has "
                            + limits.size() + " offers (indexes 0.." + (limits.size() - 1) + ")");
                }
                Variable x = model.addVariable("x" + n++).lower(0).upper(1).weight(o.value());
                if (integer) {
                    x.integer(true);
                }
                capacity.set(x, 1);
                if (volume[o.offer()] != null) {
                    volume[o.offer()].set(x, 1);
                }
                if (budget[o.offer()] != null) {
                    budget[o.offer()].set(x, o.cost());
                }
            }
        }
        return new Model(model);
    }
}
