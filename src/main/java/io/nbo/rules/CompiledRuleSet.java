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
    private final KieBase base;
    private final List<String> sources;
    private final Instant compiledAt;
    private final int ruleCount;
    private final boolean hasActionsGlobal;
    private final RuleIndex index;

    public CompiledRuleSet(String version, KieBase base, List<String> sources, Instant compiledAt) {
        this(version, base, sources, compiledAt, null);
    }

    /**
     * @param index the decision tables as a column index, or null; Drools ({@code base}) stays the reference
     */
    public CompiledRuleSet(String version, KieBase base, List<String> sources, Instant compiledAt, RuleIndex index) {
        this.version = version;
        this.index = index;
        this.base = base;
        this.sources = List.copyOf(sources);
        this.compiledAt = compiledAt;
        this.ruleCount = base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        this.hasActionsGlobal = base.getKiePackages().stream().map(KiePackage::getGlobalVariables)
                .flatMap(java.util.Collection::stream).anyMatch(g -> g.getName().equals(ACTIONS_GLOBAL));
    }

    public EligibilityResult evaluate(Situation situation, List<Offer> candidates) {
        return evaluateWithDrools(situation);
    }

    /** The tables through their column index alone (no DRL rules), as Drools would fire them; empty without one. */
    public java.util.Optional<EligibilityResult> evaluateIndexed(Situation situation) {
        if (index == null) {
            return java.util.Optional.empty();
        }
        Offers offers = new Offers();
        index.evaluate(new Customer(situation.customer()), new Context(situation), offers);
        return java.util.Optional.of(new EligibilityResult(version, offers.verdicts(), offers.fired(),
                offers.segments()));
    }

    /** The reference: a Drools session over every rule. */
    public EligibilityResult evaluateWithDrools(Situation situation) {
        Offers offers = new Offers();
        KieSession session = base.newKieSession();
        try {
            if (hasActionsGlobal) {
                session.setGlobal(ACTIONS_GLOBAL, offers);
            }
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    offers.firing(event.getMatch().getRule().getName());
                }
            });
            session.insert(new Customer(situation.customer()));
            session.insert(new Context(situation));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return new EligibilityResult(version, offers.verdicts(), offers.fired(), offers.segments());
    }

    public String version() { return version; }

    public List<String> sources() { return sources; }

    public Instant compiledAt() { return compiledAt; }

    public int ruleCount() { return ruleCount; }

    public KieBase base() { return base; }
}
