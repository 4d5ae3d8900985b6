package io.nbo.campaign.allocation;

import java.util.Arrays;
import java.util.List;

/**
 * Minimises the Lagrangian dual of the allocation LP on a sample by exact coordinate descent:
 * {@code L(λ, μ) = w·Σ_c topk_c((v − λ_o − μ_o·cost)⁺) + Σ_o (λ_o·V_o + μ_o·B_o)}, w = population per sample
 * customer. L is convex and piecewise linear in each price; with every other price fixed, a customer takes offer o
 * at price p exactly when p is below a threshold (its value minus its k-th best other reduced value), so the best
 * volume price is the (⌊V/w⌋+1)-th largest threshold and the best budget price the breakpoint where the budget
 * used by customers above it first passes B. One round sets every limited offer's prices this way in turn; rounds
 * repeat until L stops falling (relative change below 1e-7) or the round limit. Every round can only lower L.
 */
final class DualSolver {

    static final int DEFAULT_ROUNDS = 60;
    private static final double TOLERANCE = 1e-7;

    private final Customer[] customers;
    private final List<OfferLimit> limits;
    private final double weight;
    private final double[] lambda;
    private final double[] mu;
    private final int[][] customersOf;
    private final int[][] optionsOf;

    DualSolver(List<Customer> sample, List<OfferLimit> limits, double weight) {
        this.customers = sample.toArray(Customer[]::new);
        this.limits = List.copyOf(limits);
        this.weight = weight;
        int n = limits.size();
        lambda = new double[n];
        mu = new double[n];
        int[] count = new int[n];
        for (Customer c : customers) {
            for (Option o : c.options()) {
                if (o.offer() >= n) {
                    throw new IllegalArgumentException("option names offer " + o.offer() + " but the problem has "
                            + n + " offers (indexes 0.." + (n - 1) + ")");
                }
                count[o.offer()]++;
            }
        }
        customersOf = new int[n][];
        optionsOf = new int[n][];
        for (int o = 0; o < n; o++) {
            boolean limited = limits.get(o).volumeLimited() || limits.get(o).budgetLimited();
            customersOf[o] = new int[limited ? count[o] : 0];
            optionsOf[o] = new int[limited ? count[o] : 0];
        }
        int[] fill = new int[n];
        for (int c = 0; c < customers.length; c++) {
            Option[] opts = customers[c].options();
            for (int i = 0; i < opts.length; i++) {
                int o = opts[i].offer();
                if (customersOf[o].length > 0) {
                    customersOf[o][fill[o]] = c;
                    optionsOf[o][fill[o]++] = i;
                }
            }
        }
    }

    /** Runs up to maxRounds rounds; returns the number made. */
    int run(int maxRounds) {
        double previous = dualValue();
        int round = 0;
        while (round < maxRounds) {
            round++;
            for (int o = 0; o < limits.size(); o++) {
                if (limits.get(o).volumeLimited()) {
                    updateVolumePrice(o);
                }
                if (limits.get(o).budgetLimited()) {
                    updateBudgetPrice(o);
                }
            }
            double current = dualValue();
            if (previous - current <= TOLERANCE * Math.abs(current)) {
                break;
            }
            previous = current;
        }
        return round;
    }

    private void updateVolumePrice(int o) {
        int[] cs = customersOf[o];
        int[] is = optionsOf[o];
        double[] thresholds = new double[cs.length];
        int positive = 0;
        for (int j = 0; j < cs.length; j++) {
            Customer c = customers[cs[j]];
            Option opt = c.options()[is[j]];
            double t = opt.value() - mu[o] * opt.cost() - kthOfOthers(c, is[j]);
            if (c.capacity() > 0 && t > 0) {
                thresholds[positive++] = t;
            }
        }
        long allowed = (long) Math.floor(limits.get(o).volume() / weight);
        if (positive <= allowed) {
            lambda[o] = 0;
            return;
        }
        Arrays.sort(thresholds, 0, positive);
        lambda[o] = thresholds[positive - 1 - (int) allowed]; // the (allowed+1)-th largest
    }

    private void updateBudgetPrice(int o) {
        int[] cs = customersOf[o];
        int[] is = optionsOf[o];
        double[] breakpoint = new double[cs.length];
        double[] cost = new double[cs.length];
        Integer[] order = new Integer[cs.length];
        int positive = 0;
        double total = 0;
        for (int j = 0; j < cs.length; j++) {
            Customer c = customers[cs[j]];
            Option opt = c.options()[is[j]];
            double s = opt.value() - lambda[o] - kthOfOthers(c, is[j]);
            if (c.capacity() > 0 && s > 0 && opt.cost() > 0) {
                breakpoint[positive] = s / opt.cost();
                cost[positive] = opt.cost();
                order[positive] = positive;
                total += opt.cost();
                positive++;
            }
        }
        double budget = limits.get(o).budget();
        if (weight * total <= budget) {
            mu[o] = 0;
            return;
        }
        Arrays.sort(order, 0, positive, (a, b) -> Double.compare(breakpoint[b], breakpoint[a]));
        double used = 0;
        for (int j = 0; j < positive; j++) {
            used += weight * cost[order[j]];
            if (used > budget) {
                mu[o] = breakpoint[order[j]];
                return;
            }
        }
        mu[o] = 0; // not reached: total exceeded the budget
    }

    /**
     * The k-th largest reduced value among the customer's other options, at least 0 (k = capacity): what option
     * {@code skip} must beat to be among the customer's best k.
     */
    private double kthOfOthers(Customer c, int skip) {
        Option[] opts = c.options();
        int k = c.capacity();
        if (k == 0 || k >= opts.length) {
            return 0; // capacity 0: never taken (caller filters); otherwise every positive option fits
        }
        double[] top = new double[k]; // the k largest positive reduced values of the others, descending
        int size = 0;
        for (int i = 0; i < opts.length; i++) {
            if (i == skip) {
                continue;
            }
            double r = reduced(opts[i]);
            if (r <= 0 || (size == k && r <= top[k - 1])) {
                continue;
            }
            int j = Math.min(size, k - 1);
            while (j > 0 && top[j - 1] < r) {
                top[j] = top[j - 1];
                j--;
            }
            top[j] = r;
            size = Math.min(size + 1, k);
        }
        return size == k ? top[k - 1] : 0;
    }

    private double reduced(Option o) {
        return o.value() - lambda[o.offer()] - mu[o.offer()] * o.cost();
    }

    /** L at the current prices, scaled to the population. */
    double dualValue() {
        double sum = 0;
        for (Customer c : customers) {
            int k = Math.min(c.capacity(), c.options().length);
            if (k == 0) {
                continue;
            }
            double[] r = new double[c.options().length];
            for (int i = 0; i < r.length; i++) {
                r[i] = Math.max(0, reduced(c.options()[i]));
            }
            Arrays.sort(r);
            for (int i = r.length - k; i < r.length; i++) {
                sum += r[i];
            }
        }
        sum *= weight;
        for (int o = 0; o < limits.size(); o++) {
            if (lambda[o] > 0) {
                sum += lambda[o] * limits.get(o).volume();
            }
            if (mu[o] > 0) {
                sum += mu[o] * limits.get(o).budget();
            }
        }
        return sum;
    }

    double[] volumePrices() {
        return lambda.clone();
    }

    double[] budgetPrices() {
        return mu.clone();
    }
}
