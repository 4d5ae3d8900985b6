package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.util.List;
import java.util.Optional;

/**
 * The offer returned when nothing is eligible, so an unknown visitor or an over-filtered customer still gets an
 * answer. It must be live at the moment (valid, in its window) and reach the customer: on the touchpoint they are on,
 * or another channel they can be reached on.
 */
public final class FallbackOffer {

    private final String offerId;

    /** @param offerId the fallback offer's id, or null for none */
    public FallbackOffer(String offerId) {
        this.offerId = offerId;
    }

    /** The fallback offer's id, or null for none. */
    public String offerId() {
        return offerId;
    }

    public Optional<Candidate> pick(Situation situation, List<Candidate> liveCandidates) {
        if (offerId == null || offerId.isBlank()) {
            return Optional.empty();
        }
        return liveCandidates.stream()
                .filter(c -> c.offerId().equals(offerId))
                .findFirst()
                .flatMap(c -> channel(c, situation).map(ch -> c.eligible(List.of("fallback"), 1.0, null)
                        .withChannel(ch, "fallback offer, shown where the customer is")
                        .withScore(new ScoreFactors(0, 1, 1, 1))));
    }

    private static Optional<Channel> channel(Candidate candidate, Situation situation) {
        if (candidate.offer().channels().contains(situation.touchpoint())
                && (!situation.touchpoint().outbound() || situation.customer().consentsTo(situation.touchpoint()))) {
            return Optional.of(situation.touchpoint());
        }
        return candidate.offer().channels().stream()
                .filter(c -> ChannelStage.reachable(c, situation.customer(), situation.touchpoint()))
                .sorted().findFirst();
    }
}
