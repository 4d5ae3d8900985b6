package io.nbo.contact.service;

import io.nbo.contact.persistence.VolumeRepository;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.VolumeLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Volume limits kept in the database (table {@code offer_volume}), claimed by one conditional UPDATE each: exact under
 * any number of concurrent decisions and server nodes. Only offers that made an answer reach the database; an offer
 * found sold out is remembered in memory (with what was left) so later decisions drop it without a query, until the
 * policy is reloaded or units are released.
 */
@ApplicationScoped
public class JdbcVolumeLedger implements VolumeLedger {

    private final VolumeRepository repository;
    private final Clock clock;
    private final ConcurrentHashMap<String, BigDecimal> soldOut = new ConcurrentHashMap<>();

    public JdbcVolumeLedger(VolumeRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Creates or re-caps the counters of a policy's volume rules; forgets what was known to be sold out. */
    public void configure(List<PolicyRule> volumeRules) {
        for (PolicyRule rule : volumeRules) {
            repository.ensureCap(rule.offer().value(), rule.name(), rule.limit(), clock.instant());
        }
        soldOut.clear();
    }

    @Override
    public boolean claim(PolicyRule rule, BigDecimal amount) {
        if (repository.claim(rule.offer().value(), rule.name(), amount, clock.instant())) {
            return true;
        }
        BigDecimal left = repository.remaining(rule.offer().value(), rule.name());
        soldOut.put(key(rule), left == null ? BigDecimal.ZERO : left);
        return false;
    }

    @Override
    public void release(PolicyRule rule, BigDecimal amount) {
        repository.release(rule.offer().value(), rule.name(), amount, clock.instant());
        soldOut.remove(key(rule));
    }

    @Override
    public boolean exhausted(PolicyRule rule) {
        return soldOut.containsKey(key(rule));
    }

    @Override
    public BigDecimal remaining(PolicyRule rule) {
        BigDecimal known = soldOut.get(key(rule));
        if (known != null) {
            return known;
        }
        BigDecimal left = repository.remaining(rule.offer().value(), rule.name());
        return left == null ? rule.limit() : left;
    }

    private static String key(PolicyRule rule) {
        return rule.offer().value() + "\u0000" + rule.name();
    }
}
