package io.nbo.rules.service;

import io.nbo.config.NboConfig;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Channel;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.compile.RuleSetException;
import io.nbo.sample.CustomerGenerator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;

/**
 * Fast path, reference path, one answer, for every rule set that goes live: once it serves from its column index,
 * Drools compiles all of it in the background (so a large table never waits for Drools to go live) and both evaluate
 * the same generated situations (known customers and visitors, every touchpoint, hour and day). Any difference, or a
 * table Drools cannot compile, is reported on the rule set's status ({@code GET /api/rulesets}) and in the log.
 */
@ApplicationScoped
public class ReferenceCheck {

    private static final Logger LOG = Logger.getLogger(ReferenceCheck.class);
    private static final int SHOWN = 5;

    /** How the last check went: checking, agreed, differs, failed, skipped (too large) or off. */
    public record Status(String version, String state, int situations, int differences, List<String> examples,
                         Instant finishedAt) {
    }

    private final int situations;
    private final int maxRules;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rule-set-reference-check");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile Status status;

    @Inject
    public ReferenceCheck(NboConfig config) {
        this(config.rules().referenceCheckSituations(), config.rules().referenceMaxRules());
    }

    ReferenceCheck(int situations, int maxRules) {
        this.situations = situations;
        this.maxRules = maxRules;
    }

    /** Starts checking a rule set that just went live; a newer one supersedes it. */
    public void start(CompiledRuleSet rules) {
        if (situations <= 0 || !rules.indexed()) {
            status = new Status(rules.version(), rules.indexed() ? "off" : "drools-only", 0, 0, List.of(),
                    Instant.now());
            return;
        }
        status = new Status(rules.version(), "checking", 0, 0, List.of(), null);
        worker.submit(() -> run(rules));
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run(CompiledRuleSet rules) {
        if (status == null || !rules.version().equals(status.version())) {
            return;
        }
        if (rules.ruleCount() > maxRules) {
            finish(new Status(rules.version(), "skipped", 0, 0, List.of(rules.ruleCount() + " rules is above "
                    + "nbo.rules.reference-max-rules (" + maxRules + "): Drools would need too long and too much "
                    + "memory for a background check; the build's differential tests cover the index"), Instant.now()));
            return;
        }
        try {
            KieBase reference = rules.buildReference();
            SplittableRandom random = new SplittableRandom(rules.version().hashCode());
            CustomerGenerator customers = new CustomerGenerator(random.nextLong());
            int differences = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < situations; i++) {
                Situation situation = situation(random, customers, i);
                EligibilityResult served = rules.evaluate(situation, List.of());
                EligibilityResult drools = rules.evaluateWithDrools(situation, reference);
                if (!served.equals(drools)) {
                    differences++;
                    if (examples.size() < SHOWN) {
                        examples.add(describe(situation) + ": index " + served + " vs Drools " + drools);
                    }
                }
            }
            finish(new Status(rules.version(), differences == 0 ? "agreed" : "differs", situations, differences,
                    examples, Instant.now()));
        } catch (RuleSetException e) {
            finish(new Status(rules.version(), "failed", 0, 0, e.problems().stream().limit(SHOWN)
                    .map(Object::toString).toList(), Instant.now()));
        } catch (RuntimeException e) {
            finish(new Status(rules.version(), "failed", 0, 0, List.of(String.valueOf(e.getMessage())),
                    Instant.now()));
        }
    }

    private void finish(Status done) {
        Status current = status;
        if (current != null && current.version().equals(done.version())) {
            status = done;
            if (!done.state().equals("agreed") && !done.state().equals("skipped")) {
                LOG.errorf("Rule set %s: the column index and Drools do not agree (%s, %d of %d situations): %s",
                        done.version(), done.state(), done.differences(), done.situations(), done.examples());
            } else {
                LOG.infof("Rule set %s: the column index agrees with Drools on %d situations", done.version(),
                        done.situations());
            }
        }
    }

    private static Situation situation(SplittableRandom random, CustomerGenerator customers, int i) {
        CustomerProfile customer = random.nextInt(6) == 0 ? CustomerProfile.anonymous("V" + i, ZoneOffset.UTC)
                : customers.customer(1 + random.nextInt(1_000_000));
        Channel touchpoint = Channel.values()[random.nextInt(Channel.values().length)];
        LocalDateTime at = LocalDateTime.of(LocalDate.of(2026, 1, 5).plusDays(random.nextInt(7)),
                LocalTime.of(random.nextInt(24), 15 * random.nextInt(4)));
        return new Situation(customer, touchpoint, Map.of(), at, 5, Instant.now());
    }

    private static String describe(Situation s) {
        return s.customer().id() + " at " + s.touchpoint().code() + " " + s.customerLocalTime();
    }
}
