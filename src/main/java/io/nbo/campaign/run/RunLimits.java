package io.nbo.campaign.run;

import io.nbo.campaign.allocation.OfferLimit;
import io.nbo.decision.core.policy.ContactPolicy;
import io.nbo.decision.core.policy.PolicyRule;
import io.nbo.decision.core.policy.VolumeLedger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What is left of the contact policy's volume rules (stock, budget) for the offers of a run, as the allocator takes
 * it: per offer, the contacts still allowed (the tightest of its rules, each rule's remaining units divided by what
 * one contact costs it, rounded down: exact, since a contact of an offer always costs the same). The run claims each
 * contact it makes through the same ledger, so real-time decisions and the run share the stock exactly.
 */
public final class RunLimits {

    private RunLimits() {
    }

    public static List<OfferLimit> of(List<String> offers, ContactPolicy policy, VolumeLedger ledger) {
        List<PolicyRule> rules = policy.rules(PolicyRule.Kind.VOLUME);
        List<OfferLimit> out = new ArrayList<>(offers.size());
        for (String offer : offers) {
            long volume = Long.MAX_VALUE;
            for (PolicyRule rule : rules) {
                if (!rule.offer().applies(offer)) {
                    continue;
                }
                BigDecimal left = ledger.remaining(rule).max(BigDecimal.ZERO);
                long contacts = left.divide(rule.cost(), 0, RoundingMode.FLOOR).longValueExact();
                volume = Math.min(volume, contacts);
            }
            out.add(volume == Long.MAX_VALUE ? OfferLimit.unlimited(offer) : OfferLimit.volume(offer, volume));
        }
        return out;
    }
}
