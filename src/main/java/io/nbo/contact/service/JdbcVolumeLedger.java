package io.nbo.contact.service;

import io.nbo.config.VolumeConfig;
import io.nbo.contact.persistence.VolumeCounters;
import io.nbo.contact.persistence.VolumeRepository;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.VolumeLedger;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Volume limits (stock, budget) kept in the database (table {@code offer_volume}) and handed out from memory: each
 * node reserves units in blocks with one conditional UPDATE ({@code used + block <= cap}) and serves claims from its
 * block ({@link VolumeAllowance}), so a decision runs no SQL for volume while the block lasts, and the limit stays
 * exact across threads and nodes: the database never lets the blocks pass the cap, and no node hands out more than
 * its blocks. The next block is reserved in the background before the current one runs out.
 *
 * <p>Unused units go back to the database when the policy is reloaded (so a changed cap applies at once) and when the
 * server shuts down. A node that dies without shutting down strands what it held: those units stay counted as used,
 * so the offer is under-issued by at most one block per node and rule, never over-issued; raising the cap by that much
 * hands them out again. While the database cannot be reached a node hands out what its blocks hold and then stops
 * offering the offer until it can reserve again ({@link VolumeAllowance}): never more than the cap.
 */
@ApplicationScoped
public class JdbcVolumeLedger implements VolumeLedger {

    private static final Logger LOG = Logger.getLogger(JdbcVolumeLedger.class);

    private final VolumeRepository repository;
    private final VolumeCounters counters;
    private final Executor background;
    private final int blockClaims;
    private final Duration recheck;
    private final ConcurrentHashMap<String, VolumeAllowance> allowances = new ConcurrentHashMap<>();

    @Inject
    public JdbcVolumeLedger(VolumeRepository repository, ManagedExecutor background, VolumeConfig config) {
        this(repository, repository, background, config.block(), config.recheck());
    }

    /** A ledger over any counters: the server's, or a second "node" in tests. */
    public JdbcVolumeLedger(VolumeRepository repository, VolumeCounters counters, Executor background,
                            int blockClaims, Duration recheck) {
        this.repository = repository;
        this.counters = counters;
        this.background = background;
        this.blockClaims = blockClaims;
        this.recheck = recheck;
    }

    /**
     * Creates or re-caps the counters of a policy's volume rules (what was used so far is kept), then gives back every
     * block this node holds, so the next claims reserve under the new caps.
     */
    public synchronized void configure(List<PolicyRule> volumeRules) {
        for (PolicyRule rule : volumeRules) {
            repository.ensureCap(rule.offer().value(), rule.name(), rule.limit());
        }
        giveBackAll();
    }

    /** Gives back what this node holds when the server stops, so a restart strands nothing. */
    void onShutdown(@Observes ShutdownEvent event) {
        giveBackAll();
    }

    /** Closes every allowance and returns its unused units to the database. */
    public synchronized void giveBackAll() {
        for (String key : List.copyOf(allowances.keySet())) {
            VolumeAllowance allowance = allowances.remove(key);
            if (allowance == null) {
                continue;
            }
            BigDecimal unused = allowance.close();
            if (unused.signum() > 0) {
                int split = key.indexOf('\u0000');
                try {
                    counters.giveBack(key.substring(0, split), key.substring(split + 1), unused);
                } catch (RuntimeException e) {
                    LOG.errorf("Could not give back %s unused units of %s; they stay counted as used: %s",
                            unused.toPlainString(), key.replace('\u0000', '/'), e.getMessage());
                }
            }
        }
    }

    @Override
    public boolean claim(PolicyRule rule, BigDecimal amount) {
        while (true) {
            switch (allowance(rule).claim(amount)) {
                case TAKEN:
                    return true;
                case NONE_LEFT:
                    return false;
                default:
                    // closed by a reload or shutdown while we were claiming: claim from its successor
            }
        }
    }

    @Override
    public void release(PolicyRule rule, BigDecimal amount) {
        while (!allowance(rule).release(amount)) {
            // closed meanwhile: the units are still reserved in the database, so its successor may hand them out
        }
    }

    @Override
    public boolean exhausted(PolicyRule rule) {
        VolumeAllowance allowance = allowances.get(key(rule));
        return allowance != null && allowance.exhausted();
    }

    /** From memory once this node has reserved from the counter; before that (explanations only), one query. */
    @Override
    public BigDecimal remaining(PolicyRule rule) {
        VolumeAllowance allowance = allowances.get(key(rule));
        BigDecimal known = allowance == null ? null : allowance.remaining();
        if (known != null) {
            return known;
        }
        try {
            BigDecimal left = counters.left(rule.offer().value(), rule.name());
            return left == null ? rule.limit() : left;
        } catch (RuntimeException e) {
            return BigDecimal.ZERO; // the counter cannot be read: this node has nothing it may hand out
        }
    }

    /** Units this node holds for the rule (reserved in the database, not yet handed out). */
    public BigDecimal held(PolicyRule rule) {
        VolumeAllowance allowance = allowances.get(key(rule));
        return allowance == null ? BigDecimal.ZERO : allowance.held();
    }

    private VolumeAllowance allowance(PolicyRule rule) {
        return allowances.computeIfAbsent(key(rule), k -> new VolumeAllowance(rule.offer().value(), rule.name(),
                rule.cost(), counters, background, blockClaims, recheck, System::nanoTime));
    }

    private static String key(PolicyRule rule) {
        return rule.offer().value() + "\u0000" + rule.name();
    }
}
