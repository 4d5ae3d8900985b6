package io.nbo.contact.persistence;

import java.math.BigDecimal;

/**
 * The shared volume counters (stock, budget) every node reserves from: one per offer and policy rule, {@code used}
 * never above {@code cap}. A node takes units out in blocks and hands them out from memory; what the counter calls
 * used is therefore handed out or held in some node's block.
 */
public interface VolumeCounters {

    /** Takes {@code amount} out of the counter only if it still fits under the cap; true if taken (all or nothing). */
    boolean reserve(String offerId, String rule, BigDecimal amount);

    /** Puts back units taken by {@link #reserve} and not handed out. */
    void giveBack(String offerId, String rule, BigDecimal amount);

    /** {@code cap - used} now, or null when there is no such counter. */
    BigDecimal left(String offerId, String rule);
}
