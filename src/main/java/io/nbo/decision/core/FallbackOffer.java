package io.nbo.decision.core;

import io.nbo.offer.Channel;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The offer returned when nothing is eligible, so an unknown visitor or an over-filtered customer still gets an
 * answer. It must be live at the moment (valid, in its window) and reach the customer: on the touchpoint they are on,
 * or another channel they can be reached on. Marketers may change which offer it is while the server runs: a decision
 * reads it once ({@link #resolve()}) and uses that one id throughout.
 */
public final class FallbackOffer {

    private final Supplier<String> source;
    private final String offerId;

    /** @param offerId the fallback offer's id, or null for none */
    public FallbackOffer(String offerId) {
        this(null, offerId);
    }

    private FallbackOffer(Supplier<String> source, String offerId) {
        this.source = source;
        this.offerId = offerId;
    }

    /** A fallback read from where marketers set it ({@code source} gives the current id, or null for none). */
    public static FallbackOffer live(Supplier<String> source) {
        return new FallbackOffer(source, null);
    }

    /** The fallback as it is now, fixed for one decision (a fixed one is itself). */
    public FallbackOffer resolve() {
        return source == null ? this : new FallbackOffer(source.get());
    }

    /** The fallback offer's id, or null for none (for a live one: as last resolved; use {@link #resolve()}). */
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
