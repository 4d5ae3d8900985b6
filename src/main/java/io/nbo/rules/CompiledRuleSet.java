package io.nbo.rules;

import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.rules.index.RuleIndex;
import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * An immutable, compiled rule set: the knowledge base, its version (a hash of its sources) and what it was built from.
 * Evaluating opens a short-lived session, inserts the customer and the context, and reads what the rules did.
 */
public final class CompiledRuleSet {

    /** The global every table binds its actions to. */
    public static final String ACTIONS_GLOBAL = "offers";

    private final String version;
    private final List<String> sources;
    private final Instant compiledAt;
    private final int ruleCount;
    private final RuleIndex index;
    private final KieBase developerBase;
    private final boolean developerGlobal;
    private final Supplier<KieBase> reference;
    private volatile KieBase base;
    private volatile boolean hasActionsGlobal;

    /** Everything evaluated by Drools: {@code base} is both the evaluator and the reference. */
    public CompiledRuleSet(String version, KieBase base, List<String> sources, Instant compiledAt) {
        this(version, sources, compiledAt, null, null, 0, () -> base);
    }

    /**
     * @param index          the decision tables as a column index, or null to evaluate everything with Drools
     * @param developerBase  the developers' DRL alone, evaluated beside the index; null when there is none
     * @param developerRules how many rules {@code developerBase} holds
     * @param reference      every rule compiled by Drools (tables and DRL): built on first use, so a large table
     *                       goes live on its index without waiting for Drools; the reference check uses it
     */
    public CompiledRuleSet(String version, List<String> sources, Instant compiledAt, RuleIndex index,
                           KieBase developerBase, int developerRules, Supplier<KieBase> reference) {
        this.version = version;
        this.index = index;
        this.developerBase = developerBase;
        this.developerGlobal = developerBase != null && hasActionsGlobal(developerBase);
        this.reference = reference;
        this.sources = List.copyOf(sources);
        this.compiledAt = compiledAt;
        if (index == null) {
            reference();
            this.ruleCount = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        } else {
            this.ruleCount = index.rowCount() + developerRules;
        }
    }

    /** Every rule as Drools compiles it, compiled now if it was not yet (may throw a located RuleSetException). */
    public KieBase reference() {
        KieBase built = base;
        if (built == null) {
            synchronized (this) {
                if (base == null) {
                    KieBase made = reference.get();
                    hasActionsGlobal = hasActionsGlobal(made);
                    base = made;
                }
                built = base;
            }
        }
        return built;
    }

    /**
     * What the rules say for this situation: the tables through their column index, the developers' DRL through a
     * Drools session over that DRL alone, fired in one order (salience, then place); without an index, one Drools
     * session over everything. {@code IndexAgreesWithDroolsTest} holds both to {@link #evaluateWithDrools}.
     */
    public EligibilityResult evaluate(Situation situation, List<Offer> candidates) {
        return actions(situation).result(version);
    }

    /**
     * Everything the rows firing for this situation did, beyond the eligibility verdicts too: the segments they
     * assigned (with priority and row) and the offers they triggered. Evaluated exactly as {@link #evaluate}.
     */
    public Offers actions(Situation situation) {
        if (index == null) {
            return droolsActions(situation, reference(), hasActionsGlobal);
        }
        Offers offers = new Offers();
        Customer customer = new Customer(situation.customer(), situation.localDate());
        Context context = new Context(situation);
        RuleIndex.Matches rows = index.match(customer, context);
        if (developerBase != null) {
            KieSession session = developerBase.newKieSession();
            try {
                if (developerGlobal) {
                    session.setGlobal(ACTIONS_GLOBAL, offers);
                }
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        rows.fireAbove(((RuleImpl) event.getMatch().getRule()).getSalienceValue(), offers);
                        offers.firing(event.getMatch().getRule().getName());
                    }
                });
                session.insert(customer);
                session.insert(context);
                session.fireAllRules();
            } finally {
                session.dispose();
            }
        }
        rows.fireRest(offers);
        return offers;
    }

    /** The tables through their column index alone (no DRL rules), as Drools would fire them; empty without one. */
    public java.util.Optional<EligibilityResult> evaluateIndexed(Situation situation) {
        if (index == null) {
            return java.util.Optional.empty();
        }
        Offers offers = new Offers();
        index.evaluate(new Customer(situation.customer(), situation.localDate()), new Context(situation), offers);
        return java.util.Optional.of(offers.result(version));
    }

    public boolean indexed() {
        return index != null;
    }

    /** The column index of the tables, if they have one. */
    public java.util.Optional<RuleIndex> index() {
        return java.util.Optional.ofNullable(index);
    }

    private static boolean hasActionsGlobal(KieBase base) {
        return base.getKiePackages().stream().map(KiePackage::getGlobalVariables)
                .flatMap(java.util.Collection::stream).anyMatch(g -> g.getName().equals(ACTIONS_GLOBAL));
    }

    /** The reference: a Drools session over every rule. */
    public EligibilityResult evaluateWithDrools(Situation situation) {
        KieBase reference = reference();
        return evaluateWithDrools(situation, reference, hasActionsGlobal);
    }

    /**
     * Drools over every rule, compiled now and not kept (a large rule set's Drools base is not held in memory beside
     * its index); for the background reference check.
     */
    public KieBase buildReference() {
        KieBase built = base;
        return built != null ? built : reference.get();
    }

    /** The reference answer from a rule base {@link #buildReference()} gave. */
    public EligibilityResult evaluateWithDrools(Situation situation, KieBase reference) {
        return evaluateWithDrools(situation, reference, hasActionsGlobal(reference));
    }

    private EligibilityResult evaluateWithDrools(Situation situation, KieBase reference, boolean global) {
        return droolsActions(situation, reference, global).result(version);
    }

    /** What {@link #actions} does, by one Drools session over every rule (the reference; tests compare the two). */
    public Offers actionsWithDrools(Situation situation) {
        return droolsActions(situation, reference(), hasActionsGlobal);
    }

    private Offers droolsActions(Situation situation, KieBase reference, boolean global) {
        Offers offers = new Offers();
        KieSession session = reference.newKieSession();
        try {
            if (global) {
                session.setGlobal(ACTIONS_GLOBAL, offers);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    offers.firing(event.getMatch().getRule().getName());
                }
            });
            session.insert(new Customer(situation.customer(), situation.localDate()));
            session.insert(new Context(situation));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return offers;
    }

    public String version() { return version; }

    public List<String> sources() { return sources; }

    public Instant compiledAt() { return compiledAt; }

    public int ruleCount() { return ruleCount; }

    public KieBase base() { return reference(); }
}
