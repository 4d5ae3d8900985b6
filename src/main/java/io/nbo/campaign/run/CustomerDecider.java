package io.nbo.campaign.run;

import io.nbo.campaign.allocation.Customer;
import io.nbo.campaign.allocation.Option;
import io.nbo.contact.LoggedDecision;
import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.DecisionPipeline;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.decision.core.Prospect;
import io.nbo.decision.core.experiment.Assignment;
import io.nbo.decision.core.policy.ContactHistory;
import io.nbo.offer.Channel;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One customer of a run, from profile to result, through the standard pipeline: for each channel in scope, the
 * prospect at that channel's send time in the customer's own zone ({@link DecisionPipeline#prospect}); their options
 * (best channel per offer) handed to the allocator; what it assigned settled by {@link DecisionPipeline#confirm}
 * (caps recounted within the send, volume claimed); and the result as a decision for the log plus send-list rows.
 */
final class CustomerDecider {

    private final RunSpec spec;
    private final DecisionPipeline pipeline;
    private final List<Offer> offers;
    private final Map<String, Integer> offerIndex = new HashMap<>();
    private final Map<Channel, LocalTime> sendTimes;

    CustomerDecider(RunSpec spec, DecisionPipeline pipeline, List<Offer> offers, Map<Channel, LocalTime> sendTimes) {
        this.spec = spec;
        this.pipeline = pipeline;
        this.offers = List.copyOf(offers);
        this.sendTimes = Map.copyOf(sendTimes);
        for (int i = 0; i < spec.offers().size(); i++) {
            offerIndex.put(spec.offers().get(i), i);
        }
    }

    /** The customer's prospects, one per channel that has a send time, and the allocator's view of them. */
    record Options(CustomerProfile profile, List<Prospect> prospects, Customer customer,
                   Map<String, Candidate> byOffer) {

        boolean heldOut() {
            return prospects.stream().anyMatch(Prospect::heldOut);
        }
    }

    Options options(CustomerProfile profile, ContactHistory history) {
        List<Prospect> prospects = new ArrayList<>(spec.channels().size());
        Map<String, Candidate> best = new HashMap<>();
        for (Channel channel : spec.channels()) {
            LocalTime time = sendTimes.get(channel);
            if (time == null) {
                continue;
            }
            Instant at = sendAt(spec.sendDate(), time, profile);
            DecisionRequest request = new DecisionRequest(profile.id(), channel, Map.of(), time, spec.maxOffers(),
                    false, spec.dryRun());
            Prospect prospect = pipeline.prospect(request, profile, history, offers, at);
            prospects.add(prospect);
            for (Candidate option : prospect.options()) {
                Candidate held = best.get(option.offerId());
                if (held == null || option.score().score() > held.score().score()) {
                    best.put(option.offerId(), option);
                }
            }
        }
        List<Option> options = new ArrayList<>(best.size());
        for (Candidate c : best.values()) {
            options.add(new Option(offerIndex.get(c.offerId()), c.channel(), Math.max(0, c.score().score()), 0));
        }
        options.sort((a, b) -> Integer.compare(a.offer(), b.offer()));
        return new Options(profile, prospects, new Customer(profile.id(), spec.maxOffers(),
                options.toArray(Option[]::new)), best);
    }

    /**
     * The result for the options the allocator assigned: settled through the allocation stage, logged as a decision
     * (unless a dry run; a customer who gets nothing is logged only when in an experiment, as its exposure).
     */
    CustomerResult settle(Options options, List<Option> assigned, Instant now, Function<Offer, String> group) {
        CustomerProfile profile = options.profile();
        if (options.prospects().isEmpty()) {
            return new CustomerResult(profile.id(), null, List.of());
        }
        Prospect first = options.prospects().get(0);
        List<Candidate> picked = new ArrayList<>(assigned.size());
        for (Option o : assigned) {
            picked.add(options.byOffer().get(spec.offers().get(o.offer())));
        }
        List<Candidate> made = pipeline.confirm(first.situation(), picked);
        List<Assignment> arms = first.situation().experiments();
        List<CustomerResult.Send> sends = new ArrayList<>(made.size());
        List<LoggedDecision.Made> logged = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            Candidate c = made.get(i);
            sends.add(new CustomerResult.Send(c.offerId(), c.channel(),
                    sendAt(spec.sendDate(), sendTimes.get(c.channel()), profile), profile.timeZone(),
                    Math.max(0, c.score().score())));
            logged.add(new LoggedDecision.Made(c.offerId(), group.apply(c.offer()), c.channel(), i + 1));
        }
        if (spec.dryRun() || made.isEmpty() && arms.isEmpty()) {
            return new CustomerResult(profile.id(), null, sends);
        }
        Channel touchpoint = made.isEmpty() ? first.situation().touchpoint() : made.get(0).channel();
        LoggedDecision decision = new LoggedDecision(decisionId(spec.id(), profile.id()), profile.id(), touchpoint,
                now.truncatedTo(ChronoUnit.MICROS), first.ruleSetVersion(), first.situation().policy().version(),
                false, logged, spec.requester(), arms.stream()
                .map(a -> new LoggedDecision.InExperiment(a.experimentKey(), a.version(), a.arm())).toList());
        return new CustomerResult(profile.id(), decision, sends);
    }

    /** The send time on the send date in the customer's own zone (a time skipped by a clock change moves on). */
    static Instant sendAt(LocalDate date, LocalTime time, CustomerProfile profile) {
        return ZonedDateTime.of(date, time, profile.timeZone()).toInstant();
    }

    /** Deterministic from run and customer: a page written again finds its decisions already there. */
    static String decisionId(String runId, String customerId) {
        return UUID.nameUUIDFromBytes((runId + "\n" + customerId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
