package io.nbo.bench;

import io.nbo.decision.core.Decision;
import io.nbo.decision.core.DecisionRequest;
import io.nbo.profile.CustomerProfile;
import java.util.Set;

/**
 * A benchmark that compares different answers is worthless: before anything is timed, the three contenders decide
 * for a sample of customers and must name exactly the same eligible offers, and the same top offers (us and the
 * hand-written evaluation, which both rank). Any difference stops the run with the customer and both answers.
 */
public final class Agreement {

    public record Summary(int decisions, long eligibleOffers, int withNoOffer) {
    }

    public static Summary check(Requests requests, int sample, OurPipeline us, PlainDrools drools, HandWritten hand) {
        long eligible = 0;
        int none = 0;
        int n = Math.min(sample, requests.size());
        for (int i = 0; i < n; i++) {
            DecisionRequest request = requests.request(i);
            CustomerProfile customer = requests.customer(i);
            Decision ours = us.decide(request, customer);
            Set<String> ourIds = OurPipeline.eligibleIds(ours);
            Set<String> droolsIds = PlainDrools.eligibleIds(drools.decide(request, customer));
            HandWritten.Answer handAnswer = hand.decide(request, customer);
            Set<String> handIds = HandWritten.ids(handAnswer);
            if (!ourIds.equals(droolsIds) || !ourIds.equals(handIds)) {
                throw new IllegalStateException("DISAGREEMENT on eligible offers for " + customer.id() + " at "
                        + request.touchpoint().code() + " " + request.localTime() + ":\n  pipeline:     " + ourIds
                        + "\n  plain Drools: " + droolsIds + "\n  hand-written: " + handIds + "\n  customer: "
                        + customer);
            }
            var ourTop = ours.offers().stream().map(c -> c.candidate().offerId()).toList();
            if (!ours.fallback() && !ourTop.equals(handAnswer.top())) {
                throw new IllegalStateException("DISAGREEMENT on the chosen offers for " + customer.id()
                        + ": pipeline " + ourTop + ", hand-written " + handAnswer.top());
            }
            eligible += ourIds.size();
            if (ourIds.isEmpty()) {
                none++;
            }
        }
        return new Summary(n, eligible, none);
    }

    private Agreement() {
    }
}
