package io.nbo.contact.service;

import io.nbo.common.persistence.DatabaseFailures;
import io.nbo.contact.persistence.VolumeCounters;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * This node's block of one volume counter (one offer, one policy rule): units reserved from the shared counter and not
 * yet handed out. Claims are served from memory under a lock, so they are exact across threads; the shared counter is
 * only touched to reserve the next block, which keeps the limit exact across nodes (no node hands out units it has
 * not reserved, and a reservation never passes the cap).
 *
 * <ul>
 *   <li>A block is at most {@code blockClaims} claims and at most half of what is left (rounded up), so near the end of
 *       a stock the nodes share the last units and a node that dies strands little.</li>
 *   <li>When less than a quarter of the last block is left, the next one is reserved ahead on {@code background};
 *       a claim reserves synchronously only when the block is empty.</li>
 *   <li>Units are reserved in whole claims (a budget of 1,000 at 80 each reserves at most 960).</li>
 *   <li>Sold out means nothing held and, when last looked, less than one claim left in the shared counter; that view
 *       is looked at again (in the background) at most every {@code recheck}, so units another node gave back or a
 *       raised cap are found without a query per decision.</li>
 *   <li>When the shared counter cannot be reached (the database is away), the block is still handed out; once it is
 *       used up the offer is not offered (a claim answers none left at once, without waiting on the database) and
 *       the background tries to reserve again at most every {@code RETRY}. Safe: never more than was reserved.</li>
 * </ul>
 */
final class VolumeAllowance {

    /** What a claim got. {@code CLOSED}: this allowance was closed meanwhile; claim again from its successor. */
    enum Claim { TAKEN, NONE_LEFT, CLOSED }

    private static final Logger LOG = Logger.getLogger(VolumeAllowance.class);
    /** How often the background tries the shared counter again after it could not be reached. */
    static final Duration RETRY = Duration.ofSeconds(1);

    private final String offerId;
    private final String rule;
    private final BigDecimal cost;
    private final VolumeCounters counters;
    private final Executor background;
    private final int blockClaims;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    /** Held by whoever reserves from the shared counter, so one node never has two reservations of it in flight. */
    private final ReentrantLock reserving = new ReentrantLock();

    // Guarded by this.
    private BigDecimal held = BigDecimal.ZERO;
    private BigDecimal lastBlock = BigDecimal.ZERO;
    private BigDecimal left;
    private long leftSeenAt;
    private boolean backgroundQueued;
    private boolean closed;
    private boolean unreachable;
    private long retryAt;

    VolumeAllowance(String offerId, String rule, BigDecimal cost, VolumeCounters counters, Executor background,
                    int blockClaims, Duration recheck, LongSupplier nanoTime) {
        this.offerId = offerId;
        this.rule = rule;
        this.cost = cost;
        this.counters = counters;
        this.background = background;
        this.blockClaims = blockClaims;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    Claim claim(BigDecimal amount) {
        synchronized (this) {
            if (closed) {
                return Claim.CLOSED;
            }
            if (take(amount)) {
                return Claim.TAKEN;
            }
            if (unreachable) {
                retryInBackground();
                return Claim.NONE_LEFT;
            }
        }
        reserving.lock();
        try {
            synchronized (this) {
                if (closed) {
                    return Claim.CLOSED;
                }
                if (take(amount)) {
                    return Claim.TAKEN;
                }
            }
            BigDecimal block;
            try {
                block = reserveBlock(amount);
            } catch (RuntimeException e) {
                unreachable(e);
                return Claim.NONE_LEFT;
            }
            if (!deposit(block)) {
                return Claim.CLOSED;
            }
            synchronized (this) {
                return take(amount) ? Claim.TAKEN : Claim.NONE_LEFT;
            }
        } finally {
            reserving.unlock();
        }
    }

    /** Takes back units a decision claimed and did not use; false if closed (give them to the successor). */
    synchronized boolean release(BigDecimal amount) {
        if (closed) {
            return false;
        }
        held = held.add(amount);
        return true;
    }

    /** True when nothing is held and the shared counter had less than one claim left when last looked at. */
    synchronized boolean exhausted() {
        if (held.compareTo(cost) < 0 && unreachable) {
            retryInBackground();
            return true;
        }
        boolean dry = held.compareTo(cost) < 0 && left != null && left.compareTo(cost) < 0;
        if (dry && !closed && nanoTime.getAsLong() - leftSeenAt >= recheckNanos) {
            queue(this::recheck);
        }
        return dry;
    }

    /**
     * Units this node holds plus what the shared counter had left when last looked at; null if never looked at. While
     * the counter cannot be reached, only what this node holds (all it may hand out).
     */
    synchronized BigDecimal remaining() {
        if (unreachable) {
            return held;
        }
        return left == null ? null : held.add(left);
    }

    /** True since reserving from the shared counter failed, until it works again. */
    synchronized boolean unreachable() {
        return unreachable;
    }

    /** Units reserved and not handed out. */
    synchronized BigDecimal held() {
        return held;
    }

    /** Stops serving claims; returns the units held, which the caller gives back to the shared counter. */
    synchronized BigDecimal close() {
        closed = true;
        BigDecimal unused = held;
        held = BigDecimal.ZERO;
        return unused;
    }

    /** Takes from the block if enough is held; queues the next block when this one runs low. Caller holds this. */
    private boolean take(BigDecimal amount) {
        if (held.compareTo(amount) < 0) {
            return false;
        }
        held = held.subtract(amount);
        boolean low = held.multiply(BigDecimal.valueOf(4)).compareTo(lastBlock) < 0;
        boolean more = left == null || left.compareTo(cost) >= 0;
        if (low && more) {
            queue(this::refillAhead);
        }
        return true;
    }

    private void queue(Runnable task) {
        if (backgroundQueued) {
            return;
        }
        backgroundQueued = true;
        try {
            background.execute(() -> {
                try {
                    task.run();
                } finally {
                    synchronized (this) {
                        backgroundQueued = false;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            backgroundQueued = false;
        }
    }

    private void refillAhead() {
        if (!reserving.tryLock()) {
            return;
        }
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            deposit(reserveBlock(cost));
        } catch (RuntimeException e) {
            unreachable(e);
        } finally {
            reserving.unlock();
        }
    }

    private void recheck() {
        if (!reserving.tryLock()) {
            return;
        }
        try {
            readLeft();
        } catch (RuntimeException e) {
            unreachable(e);
        } finally {
            reserving.unlock();
        }
    }

    /**
     * Reserves the next block, sized from what the shared counter was last seen to have; a failed reservation (someone
     * else took units meanwhile) re-reads and tries a smaller one. Caller holds {@link #reserving}.
     */
    private BigDecimal reserveBlock(BigDecimal unit) {
        BigDecimal seen;
        synchronized (this) {
            seen = left;
        }
        if (seen == null || seen.compareTo(unit) < 0) {
            seen = readLeft();
        }
        while (seen.compareTo(unit) >= 0) {
            long fit = seen.divideToIntegralValue(unit).longValueExact();
            BigDecimal amount = unit.multiply(BigDecimal.valueOf(Math.min(blockClaims, Math.max(1, (fit + 1) / 2))));
            if (counters.reserve(offerId, rule, amount)) {
                synchronized (this) {
                    left = seen.subtract(amount);
                    leftSeenAt = nanoTime.getAsLong();
                    lastBlock = amount;
                    reachable();
                }
                return amount;
            }
            seen = readLeft();
        }
        return BigDecimal.ZERO;
    }

    private BigDecimal readLeft() {
        BigDecimal now = counters.left(offerId, rule);
        BigDecimal seen = now == null ? BigDecimal.ZERO : now;
        synchronized (this) {
            left = seen;
            leftSeenAt = nanoTime.getAsLong();
            reachable();
        }
        return seen;
    }

    /** Queues a background reservation if the last failure is at least {@link #RETRY} old. Caller holds this. */
    private void retryInBackground() {
        if (!closed && nanoTime.getAsLong() - retryAt >= 0) {
            retryAt = nanoTime.getAsLong() + RETRY.toNanos();
            queue(this::refillAhead);
        }
    }

    /** Caller holds this. */
    private void reachable() {
        if (unreachable) {
            unreachable = false;
            LOG.infof("Volume of %s / %s: the shared counter can be reached again", offerId, rule);
        }
    }

    private void unreachable(RuntimeException e) {
        synchronized (this) {
            retryAt = nanoTime.getAsLong() + RETRY.toNanos();
            if (unreachable) {
                return;
            }
            unreachable = true;
        }
        LOG.warnf("Volume of %s / %s: cannot reserve from the shared counter (%s); this node hands out what it holds "
                + "and then stops offering it until the counter can be reached", offerId, rule,
                DatabaseFailures.describe(e));
    }

    /** Adds a reserved block; if closed meanwhile, gives it straight back and returns false. */
    private boolean deposit(BigDecimal block) {
        synchronized (this) {
            if (!closed) {
                held = held.add(block);
                return true;
            }
        }
        if (block.signum() > 0) {
            counters.giveBack(offerId, rule, block);
        }
        return false;
    }
}
