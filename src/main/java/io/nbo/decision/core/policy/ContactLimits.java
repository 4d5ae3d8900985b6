package io.nbo.decision.core.policy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a decision's contact limits come from: the live contact policy, customers' contact histories and the volume
 * ledger. The pipeline reads the policy and the customer's history once, at the start of each decision; the ledger is
 * claimed from as offers are allocated.
 *
 * @param policy    the live contact policy (read once per decision)
 * @param histories customers' contact histories (read once per decision)
 * @param volumes   global volume limits (stock, budget)
 */
public record ContactLimits(Supplier<ContactPolicy> policy, ContactHistorySource histories, VolumeLedger volumes) {

    private static final VolumeLedger UNLIMITED = new VolumeLedger() {
        @Override
        public boolean claim(PolicyRule rule, BigDecimal amount) {
            return true;
        }

        @Override
        public void release(PolicyRule rule, BigDecimal amount) {
        }

        @Override
        public boolean exhausted(PolicyRule rule) {
            return false;
        }

        @Override
        public BigDecimal remaining(PolicyRule rule) {
            return rule.limit();
        }
    };

    public ContactLimits {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(volumes, "volumes");
    }

    /**
     * No contact limits beyond consent: an empty policy ({@link ContactPolicy#NONE}), no history, unlimited volume. For
     * the rule tables' own tests and the core benchmark, which measure the rules and arbitration; the stages still
     * run, so outbound channels still need the customer's consent.
     */
    public static ContactLimits none() {
        return new ContactLimits(() -> ContactPolicy.NONE, ContactHistory::empty, UNLIMITED);
    }
}
