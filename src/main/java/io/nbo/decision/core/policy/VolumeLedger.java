package io.nbo.decision.core.policy;

import java.math.BigDecimal;

/**
 * Global volume limits (stock, budget) per offer. A claim must be atomic: however many decisions race, the units
 * handed out never exceed the limit.
 */
public interface VolumeLedger {

    /**
     * Takes {@code amount} units of the rule's limit, if that many are left.
     *
     * @return true if the units were taken; false if taking them would pass the limit (nothing is taken)
     */
    boolean claim(PolicyRule rule, BigDecimal amount);

    /** Gives back units taken by a claim whose decision did not use them. */
    void release(PolicyRule rule, BigDecimal amount);

    /**
     * True when the limit is known to be used up (a claim would fail), so the policy stage can say so without a claim.
     * Answered from what the ledger already knows: it never waits on storage.
     */
    boolean exhausted(PolicyRule rule);

    /** Units left, for explanations; may be slightly stale (units held for other servers count as used). */
    BigDecimal remaining(PolicyRule rule);

    /**
     * A view for dry runs: a claim succeeds when the units are left, as a real one would, but takes nothing; a release
     * gives nothing back. So a preview uses up no stock or budget.
     */
    static VolumeLedger preview(VolumeLedger real) {
        return new VolumeLedger() {
            @Override
            public boolean claim(PolicyRule rule, BigDecimal amount) {
                return !real.exhausted(rule) && real.remaining(rule).compareTo(amount) >= 0;
            }

            @Override
            public void release(PolicyRule rule, BigDecimal amount) {
            }

            @Override
            public boolean exhausted(PolicyRule rule) {
                return real.exhausted(rule);
            }

            @Override
            public BigDecimal remaining(PolicyRule rule) {
                return real.remaining(rule);
            }
        };
    }
}
