package io.nbo.bench;

import io.nbo.decision.core.EligibilityEngine;
import io.nbo.decision.core.EligibilityResult;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.rules.CompiledRuleSet;
import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.util.List;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Experiment for docs/benchmarks.md: CompiledRuleSet.evaluate as it was before the session pool (a new session and
 * a new listener per decision), to compare pool vs new session on the same knowledge base.
 */
final class FreshSessionEngine implements EligibilityEngine {

    private final CompiledRuleSet ruleSet;

    FreshSessionEngine(CompiledRuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    @Override
    public EligibilityResult evaluate(Situation situation, List<Offer> candidates) {
        Offers offers = new Offers();
        KieSession session = ruleSet.base().newKieSession();
        try {
            session.setGlobal(CompiledRuleSet.ACTIONS_GLOBAL, offers);
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
        return offers.result(ruleSet.version());
    }
}
