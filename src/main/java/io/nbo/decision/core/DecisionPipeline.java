package io.nbo.decision.core;

import io.nbo.decision.core.experiment.Assignment;
import io.nbo.decision.core.experiment.ExperimentSet;
import io.nbo.decision.core.experiment.ExperimentStage;
import io.nbo.decision.core.policy.AllocationStage;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.decision.core.policy.ContactLimits;
import io.nbo.decision.core.policy.PolicyStage;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One decision, end to end. Read this first: the decision resolves what it applies once (the customer's local time,
 * the live contact policy, the customer's contact history; the rules read the live rule set once), then candidates,
 * eligibility (the marketers' rules), then each later stage in the order {@link #standard} names them (contact
 * policy, channel, arbitration with volume claims); then the answer with its explanation and the versions applied.
 *
 * <p>{@link #standard} is the only way to build one, so the server, the tests and the benchmarks run the same stages.
 */
public final class DecisionPipeline {

    private final CandidateStage candidates = new CandidateStage();
    private final EligibilityStage eligibility = new EligibilityStage();
    private final EligibilityEngine rules;
    private final List<DecisionStage> stages;
    private final ContactLimits contact;
    private final FallbackOffer fallback;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Supplier<ExperimentSet> experiments;
    private final CampaignStages campaign;
    private volatile CatalogueIndex catalogueIndex;

    private DecisionPipeline(EligibilityEngine rules, CampaignStages campaign, ContactLimits contact,
                             Supplier<ExperimentSet> experiments, FallbackOffer fallback, Clock clock,
                             Supplier<String> ids) {
        this.experiments = experiments;
        this.rules = rules;
        this.campaign = campaign;
        this.stages = campaign.inOrder();
        this.contact = contact;
        this.fallback = fallback;
        this.clock = clock;
        this.ids = ids;
    }

    /** The pipeline with no experiments running (rule-table tests, simulations, the core benchmark). */
    public static DecisionPipeline standard(EligibilityEngine rules, PropensityModel propensity, ContactLimits contact,
                                            FallbackOffer fallback, Clock clock, Supplier<String> ids) {
        return standard(rules, propensity, contact, () -> ExperimentSet.NONE, fallback, clock, ids);
    }

    /**
     * The pipeline: every stage after candidates and eligibility, in order: contact policy, experiments (the
     * customer's arms, assigned once per decision), channel, then arbitration (with allocation of caps and volume).
     *
     * @param rules      the marketers' rules (reads the live rule set once per call)
     * @param propensity how likely a customer is to take an offer, for arbitration
     * @param contact    the contact policy, contact histories and volume ledger ({@link ContactLimits#none()} for
     *                   none beyond consent)
     * @param experiments the experiments in force (read once per decision)
     * @param fallback   the offer returned when nothing survives
     * @param ids        decision ids
     */
    public static DecisionPipeline standard(EligibilityEngine rules, PropensityModel propensity, ContactLimits contact,
                                            Supplier<ExperimentSet> experiments, FallbackOffer fallback, Clock clock,
                                            Supplier<String> ids) {
        ArbitrationStage arbitration = new ArbitrationStage(propensity);
        return new DecisionPipeline(rules, new CampaignStages(new PolicyStage(contact.volumes()),
                new ExperimentStage(), new ChannelStage(), arbitration,
                new AllocationStage(arbitration, contact.volumes())),
                contact, experiments, fallback, clock, ids);
    }

    /**
     * A batch campaign's view of one customer on one channel at a send time: the same stages as a real-time decision
     * up to the choice (candidates and eligibility on the customer's local date and time at {@code at}, the contact
     * policy over the history given, the experiments), then every offer that can go on the request's touchpoint
     * channel, scored as arbitration scores it, best of each offer group only, instead of the top N. The allocator
     * picks among them; {@link #confirm} then settles what it picked.
     *
     * @param history the customer's contact history, read by the caller (a batch reads a page of them at once)
     * @param at      when the contact would happen (caps and rests are counted up to it)
     */
    public Prospect prospect(DecisionRequest request, CustomerProfile customer, ContactHistory history,
                             List<Offer> catalogue, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, customer.timeZone());
        List<Assignment> arms = experiments.get().assign(customer.id(), customer.segments(), at);
        Situation situation = new Situation(customer, request.touchpoint(), request.context(), local,
                request.limit(), at, contact.policy().get(), history, arms, request.dryRun());
        EligibilityResult verdicts = rules.evaluate(situation, catalogue);
        List<Candidate> running = eligibility.applyEligibleOnly(situation, index(catalogue), verdicts).kept();
        return campaign.prospect(situation, running, verdicts.ruleSetVersion());
    }

    /**
     * Settles what the allocator picked for one customer, as the end of a real-time decision does: re-counts the caps
     * and rests with the offers ranked above in the same send counted as made, and claims volume through the ledger
     * (a dry run only looks). Each offer keeps the channel it was picked for or is dropped.
     */
    public List<Candidate> confirm(Situation situation, List<Candidate> picked) {
        return campaign.confirm(situation, picked);
    }

    /** The stages after eligibility, in the order each decision runs them. */
    public List<DecisionStage> stages() {
        return stages;
    }

    public Decision decide(DecisionRequest request, CustomerProfile customer, List<Offer> catalogue) {
        if (request.dryRun() && !request.explain()) {
            request = new DecisionRequest(request.customerId(), request.touchpoint(), request.context(),
                    request.localTime(), request.limit(), true, true);
        }
        Instant now = clock.instant();
        Situation situation = situation(request, customer, now);
        FallbackOffer fallback = this.fallback.resolve();
        List<Rejection> notChosen = new ArrayList<>();
        EligibilityResult verdicts;
        StageOutcome outcome;
        Supplier<List<Candidate>> live;
        Supplier<List<Rejection>> rest = null;
        if (request.explain()) {
            StageOutcome candidates = this.candidates.apply(situation, catalogue);
            notChosen.addAll(candidates.rejected());
            verdicts = rules.evaluate(situation, candidates.kept().stream().map(Candidate::offer).toList());
            outcome = eligibility.apply(candidates.kept(), verdicts);
            notChosen.addAll(outcome.rejected());
            live = candidates::kept;
        } else {
            verdicts = rules.evaluate(situation, catalogue);
            outcome = eligibility.applyEligibleOnly(situation, index(catalogue), verdicts);
            live = () -> fallbackCandidate(fallback, situation, catalogue);
            EligibilityResult read = verdicts;
            rest = () -> unexplained(situation, catalogue, read);
        }

        List<Candidate> running = outcome.kept();
        for (DecisionStage stage : stages) {
            StageOutcome step = stage.apply(situation, running);
            notChosen.addAll(step.rejected());
            running = step.kept();
        }

        boolean usedFallback = false;
        boolean heldOut = situation.experiments().stream().anyMatch(Assignment::withholdsEverything);
        if (running.isEmpty() && !heldOut) {
            Optional<Candidate> substitute = fallback.pick(situation, live.get());
            if (substitute.isPresent()) {
                running = List.of(substitute.get());
                usedFallback = true;
                String id = substitute.get().offerId();
                notChosen.removeIf(r -> r.offerId().equals(id));
            }
        }

        List<Decision.Chosen> chosen = new ArrayList<>(running.size());
        for (int i = 0; i < running.size(); i++) {
            chosen.add(new Decision.Chosen(i + 1, running.get(i)));
        }
        return new Decision(ids.get(), customer.id(), customer.known(), request.touchpoint(),
                verdicts.ruleSetVersion(), situation.policy().version(), now, situation.customerLocalTime(), chosen,
                notChosen, verdicts.firedRules(), verdicts.assignedSegments(), usedFallback, request.explain(), rest,
                situation.experiments(), request.dryRun());
    }

    /**
     * Why the offers a lean answer never visited were not chosen: the candidate and eligibility stages of an explained
     * answer, run on what this decision read (its situation, catalogue snapshot and the rules' verdicts).
     */
    private List<Rejection> unexplained(Situation situation, List<Offer> catalogue, EligibilityResult verdicts) {
        StageOutcome live = candidates.apply(situation, catalogue);
        List<Rejection> out = new ArrayList<>(live.rejected());
        out.addAll(eligibility.apply(live.kept(), verdicts).rejected());
        return out;
    }

    /**
     * The catalogue by offer id; built once per catalogue snapshot (the same list until the catalogue changes). The
     * ids are interned, as the rule index interns the ids its rows name, so lookups match by reference.
     */
    private Map<String, Offer> index(List<Offer> catalogue) {
        CatalogueIndex known = catalogueIndex;
        if (known == null || known.offers() != catalogue) {
            Map<String, Offer> byId = new HashMap<>();
            catalogue.forEach(o -> byId.put(o.id().intern(), o));
            known = new CatalogueIndex(catalogue, byId);
            catalogueIndex = known;
        }
        return known.byId();
    }

    private List<Candidate> fallbackCandidate(FallbackOffer fallback, Situation situation, List<Offer> catalogue) {
        Offer offer = fallback.offerId() == null ? null : index(catalogue).get(fallback.offerId());
        return offer != null && CandidateStage.live(offer, situation) ? List.of(Candidate.of(offer)) : List.of();
    }

    private record CatalogueIndex(List<Offer> offers, Map<String, Offer> byId) {
    }

    /** Resolves, once for the whole decision, the policy and the history every stage then reads. */
    private Situation situation(DecisionRequest request, CustomerProfile customer, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, customer.timeZone());
        if (request.localTime() != null) {
            local = local.toLocalDate().atTime(request.localTime());
        }
        List<Assignment> arms = experiments.get().assign(customer.id(), customer.segments(), now);
        return new Situation(customer, request.touchpoint(), request.context(), local, request.limit(), now,
                contact.policy().get(), contact.histories().history(customer.id()), arms, request.dryRun());
    }
}
