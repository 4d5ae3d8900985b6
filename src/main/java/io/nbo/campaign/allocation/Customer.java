package io.nbo.campaign.allocation;

import java.util.Arrays;
import java.util.Objects;

/**
 * One customer of the audience as the allocator sees it: the options the earlier stages (rules, contact policy,
 * experiments, propensity) left, and how many of them the customer may still get.
 *
 * <p>The options array is not copied: callers must not change it after handing it over. Equality is by id,
 * capacity and the options' contents.
 *
 * @param customerId the customer's id, only carried through (never logged here)
 * @param capacity   offers this customer may still get in this run (caps, per-run maximum), &ge; 0
 * @param options    at most one option per offer
 */
public record Customer(String customerId, int capacity, Option[] options) {

    public Customer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(options, "options");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        DistinctOffers.check(options);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Customer c && c.capacity == capacity && c.customerId.equals(customerId)
                && Arrays.equals(c.options, options);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * customerId.hashCode() + capacity) + Arrays.hashCode(options);
    }

    @Override
    public String toString() {
        return "Customer[capacity=" + capacity + ", options=" + options.length + "]";
    }
}
