package io.nbo.decision.core.learning;

import io.nbo.decision.core.Candidate;
import io.nbo.decision.core.PropensityEstimate;
import io.nbo.decision.core.PropensityModel;
import io.nbo.decision.core.Situation;
import io.nbo.offer.Offer;
import io.nbo.profile.CustomerProfile;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Propensity learned from contacts and responses, with Thompson sampling for exploration.
 *
 * <p>Hierarchical shrinkage: the prior model's figure {@code p0} counts as {@code strength} pseudo-contacts, so the
 * offer's posterior is Beta(p0·m + responses, (1-p0)·m + non-responses). The offer x segment posterior starts from the
 * offer's posterior mean with the same strength, and offer x segment x channel from the segment's: a level with few
 * contacts stays near its parent, one with many follows its own data. A new offer starts at the prior (fair), and its
 * wide posterior gives it draws above the favourites' now and then, so it is shown and learned.
 *
 * <p>An uploaded own score ({@code ownScores}) takes precedence where present and is used as it is (no draw).
 */
public final class LearnedPropensity implements PropensityModel {

    /** How learning runs: on or off, exploring or using the posterior mean, and the prior's weight. */
    public record Settings(boolean learn, boolean explore, double priorStrength) {
    }

    private final PropensityModel prior;
    private final Supplier<LearnedCounts> counts;
    private final BiFunction<String, String, OptionalDouble> ownScores;
    private final Supplier<RandomGenerator> random;
    private final Settings settings;

    public LearnedPropensity(PropensityModel prior, Supplier<LearnedCounts> counts,
                             BiFunction<String, String, OptionalDouble> ownScores, Supplier<RandomGenerator> random,
                             Settings settings) {
        this.prior = prior;
        this.counts = counts;
        this.ownScores = ownScores;
        this.random = random;
        this.settings = settings;
    }

    /** The customer's segment for learning: their lifecycle stage (one per customer, always known). */
    public static String segmentOf(CustomerProfile customer) {
        return customer.lifecycleStage() == null ? LearnedCounts.ANY : customer.lifecycleStage();
    }

    @Override
    public double propensity(CustomerProfile customer, Offer offer) {
        return prior.propensity(customer, offer);
    }

    @Override
    public PropensityEstimate estimate(Situation situation, Candidate candidate) {
        OptionalDouble own = ownScores.apply(situation.customer().id(), candidate.offerId());
        if (own.isPresent()) {
            double p = own.getAsDouble();
            return new PropensityEstimate(PropensityEstimate.OWN_SCORE, null, 0, 0, p, p, false);
        }
        double p0 = prior.propensity(situation.customer(), candidate.offer());
        if (!settings.learn()) {
            return PropensityEstimate.prior(p0);
        }
        return estimate(counts.get(), candidate.offerId(), segmentOf(situation.customer()),
                candidate.channel() == null ? null : candidate.channel().code(), p0);
    }

    /** The estimate from these counts, for an offer, segment and channel, over a prior figure. */
    public PropensityEstimate estimate(LearnedCounts learned, String offerId, String segment, String channel,
                                       double p0) {
        double m = settings.priorStrength();
        Counts offer = learned.get(offerId, LearnedCounts.ANY, LearnedCounts.ANY);
        if (offer.contacts() == 0) {
            return settings.explore() ? draw(PropensityEstimate.PRIOR, null, Counts.NONE, p0 * m, (1 - p0) * m)
                    : PropensityEstimate.prior(p0);
        }
        String level = "offer";
        Counts used = offer;
        double a = p0 * m + offer.responses();
        double b = (1 - p0) * m + offer.contacts() - offer.responses();
        Counts bySegment = learned.get(offerId, segment, LearnedCounts.ANY);
        if (bySegment.contacts() > 0) {
            double mean = a / (a + b);
            a = mean * m + bySegment.responses();
            b = (1 - mean) * m + bySegment.contacts() - bySegment.responses();
            level = "segment";
            used = bySegment;
            Counts byChannel = channel == null ? Counts.NONE : learned.get(offerId, segment, channel);
            if (byChannel.contacts() > 0) {
                mean = a / (a + b);
                a = mean * m + byChannel.responses();
                b = (1 - mean) * m + byChannel.contacts() - byChannel.responses();
                level = "channel";
                used = byChannel;
            }
        }
        return draw(PropensityEstimate.LEARNED, level, used, a, b);
    }

    private PropensityEstimate draw(String source, String level, Counts used, double a, double b) {
        double mean = a / (a + b);
        double value = settings.explore() ? BetaSampler.sample(random.get(), a, b) : mean;
        return new PropensityEstimate(source, level, used.contacts(), used.responses(), mean, value, false);
    }
}
