package io.nbo.campaign.allocation;

import java.util.List;

/**
 * The naive baseline: each customer in turn takes their most valuable options while stock lasts. It is the
 * {@link Assigner} with every price 0, so the two differ only in the prices; its bound is the plain sum of every
 * customer's best options, which ignores the limits and is therefore loose.
 */
public final class FirstComeGreedy {

    private final Assigner assigner;

    public FirstComeGreedy(List<OfferLimit> limits) {
        this.assigner = new Assigner(DualPrices.none(limits.size()), limits);
    }

    /** The options this customer takes, best first. Thread-safe. */
    public List<Option> assign(Customer c) {
        return assigner.assign(c);
    }

    public Summary summary() {
        return assigner.summary();
    }
}
