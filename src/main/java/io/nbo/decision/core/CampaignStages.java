package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Reason;
import io.nbo.decision.core.experiment.Assignment;
import io.nbo.decision.core.experiment.ExperimentStage;
import io.nbo.decision.core.policy.AllocationStage;
import io.nbo.decision.core.policy.PolicyStage;
import io.nbo.offer.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stages after eligibility, named once ({@link DecisionPipeline#standard} builds them), and the two ways of running
 * them: in order for a real-time decision, or split for a batch campaign, which stops before the choice to hand every
 * option to an allocator ({@link #prospect}) and then settles what the allocator picked ({@link #confirm}) with the
 * same allocation stage a real-time decision ends with.
 */
record CampaignStages(PolicyStage policy, ExperimentStage experiment, ChannelStage channel,
                      ArbitrationStage arbitration, AllocationStage allocation) {

    private static final Reason CAMPAIGN = Reason.of("the campaign's channel");

    /** The real-time order: contact policy, experiments, channel, arbitration with allocation. */
    List<DecisionStage> inOrder() {
        return List.of(policy, experiment, channel, allocation);
    }

    /** Policy and experiments, then every offer deliverable on the situation's channel, scored, best per group. */
    Prospect prospect(Situation situation, List<Candidate> eligible, String ruleSetVersion) {
        List<Candidate> running = policy.apply(situation, eligible).kept();
        running = experiment.apply(situation, running).kept();
        boolean heldOut = situation.experiments().stream().anyMatch(Assignment::withholdsEverything);
        Channel on = situation.touchpoint();
        if (heldOut || !ChannelStage.reachable(on, situation.customer(), on)) {
            return new Prospect(situation, ruleSetVersion, List.of(), heldOut);
        }
        Map<String, Candidate> bestOfGroup = new HashMap<>();
        List<Candidate> options = new ArrayList<>(running.size());
        for (Candidate candidate : running) {
            if (!candidate.offer().channels().contains(on) || !candidate.policyAllows(on)) {
                continue;
            }
            Candidate option = candidate.withChannel(on, CAMPAIGN)
                    .withScore(arbitration.factors(situation, candidate));
            String group = candidate.offer().offerGroup();
            if (group == null || group.isBlank()) {
                options.add(option);
                continue;
            }
            Candidate held = bestOfGroup.get(group);
            if (held == null || better(option, held)) {
                bestOfGroup.put(group, option);
            }
        }
        options.addAll(bestOfGroup.values());
        return new Prospect(situation, ruleSetVersion, options, false);
    }

    /** The picked options, each held to its channel, through the allocation stage (caps recounted, volume claimed). */
    List<Candidate> confirm(Situation situation, List<Candidate> picked) {
        if (picked.isEmpty()) {
            return List.of();
        }
        List<Candidate> held = new ArrayList<>(picked.size());
        for (Candidate c : picked) {
            held.add(c.withPolicy(Set.of(c.channel()), c.blockedChannels()));
        }
        Situation answer = new Situation(situation.customer(), situation.touchpoint(), situation.context(),
                situation.customerLocalTime(), picked.size(), situation.now(), situation.policy(),
                situation.history(), situation.experiments(), situation.dryRun());
        return allocation.apply(answer, held).kept();
    }

    private static boolean better(Candidate a, Candidate b) {
        int byScore = Double.compare(a.score().score(), b.score().score());
        return byScore > 0 || byScore == 0 && a.offerId().compareTo(b.offerId()) < 0;
    }
}
