package io.nbo.decision.core;

import io.nbo.decision.core.Rejection.Stage;
import io.nbo.offer.Offer;
import java.util.List;

/**
 * Stage 2: the live offers at this moment. Drops paused offers, offers outside their validity dates and offers outside
 * their daily time window, all judged in the customer's own local date and time.
 */
public final class CandidateStage {

    public StageOutcome apply(Situation situation, List<Offer> catalogue) {
        StageOutcome.Builder out = StageOutcome.builder(catalogue.size());
        for (Offer offer : catalogue) {
            if (!offer.active()) {
                out.reject(new Rejection(offer.id(), Stage.CANDIDATES, "paused", "offer is paused in the catalogue"));
            } else if (!offer.validOn(situation.localDate())) {
                out.reject(new Rejection(offer.id(), Stage.CANDIDATES, "validity", validityReason(offer, situation)));
            } else if (offer.window() != null && !offer.window().contains(situation.localTime())) {
                out.reject(new Rejection(offer.id(), Stage.CANDIDATES, "time-window",
                        "outside its daily window " + offer.window() + " (customer local time "
                                + situation.localTime().withNano(0) + ")"));
            } else {
                out.keep(Candidate.of(offer));
            }
        }
        return out.build();
    }

    /** True when the offer is live for this situation: active, valid on the customer's date, inside its window. */
    public static boolean live(Offer offer, Situation situation) {
        return offer.active() && offer.validOn(situation.localDate())
                && (offer.window() == null || offer.window().contains(situation.localTime()));
    }

    private static String validityReason(Offer offer, Situation situation) {
        String span = offer.oneDayOnly() ? "one day only, " + offer.validFrom()
                : "valid " + (offer.validFrom() == null ? "..." : offer.validFrom()) + " to "
                        + (offer.validTo() == null ? "..." : offer.validTo());
        return "not valid on the customer's date " + situation.localDate() + " (" + span + ")";
    }
}
