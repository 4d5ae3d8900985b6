package io.nbo.bench;

import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.EligibilityResult.Verdict;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import io.nbo.rules.vocabulary.Context;
import io.nbo.rules.vocabulary.Customer;
import io.nbo.rules.vocabulary.Offers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Plain Drools as its documentation shows it: the same decision table built with the KIE API
 * (KieServices / KieFileSystem / KieBuilder / KieContainer), and per request a new stateless session with the
 * customer, the context and every candidate offer inserted.
 */
public final class PlainDrools {

    private final KieBase base;
    private final List<Offer> offers;
    private final LocalDate day;

    public PlainDrools(Workload workload, LocalDate day) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem files = ks.newKieFileSystem();
        files.write("src/main/resources/nbo/bench/" + workload.source().name(), workload.source().bytes());
        KieBuilder builder = ks.newKieBuilder(files).buildAll();
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("plain Drools cannot build the workload: " + builder.getResults());
        }
        KieContainer container = ks.newKieContainer(ks.getRepository().getDefaultReleaseId());
        this.base = container.getKieBase();
        this.offers = workload.offers();
        this.day = day;
    }

    public Map<String, Verdict> decide(DecisionRequest request, CustomerProfile customer) {
        StatelessKieSession session = base.newStatelessKieSession();
        Offers actions = new Offers();
        session.setGlobal("offers", actions);
        List<Object> facts = new ArrayList<>(offers.size() + 2);
        java.time.LocalDateTime local = day.atTime(request.localTime());
        Situation situation = new Situation(customer, request.touchpoint(), request.context(), local, request.limit(),
                local.atZone(customer.timeZone()).toInstant());
        facts.add(new Customer(customer));
        facts.add(new Context(situation));
        facts.addAll(offers);
        session.execute(facts);
        return actions.verdicts();
    }

    public static Set<String> eligibleIds(Map<String, Verdict> verdicts) {
        Set<String> out = new TreeSet<>();
        verdicts.forEach((id, v) -> {
            if (!v.eligibleBy().isEmpty() && v.excludedBy().isEmpty() && v.weight() > 0) {
                out.add(id);
            }
        });
        return out;
    }
}
