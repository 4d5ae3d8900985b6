package io.nbo.sample;

import io.nbo.common.persistence.Settings;
import io.nbo.offer.service.FallbackOfferService;
import io.nbo.offer.service.OfferService;
import io.nbo.profile.service.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Removes the generated sample data without touching real data: only rows the sample loader wrote and nobody changed
 * through the API since (flagged {@code sample}). Sample customers are deleted; sample offers are retired like any
 * other offer (decisions and tables may name them); a sample fallback offer is unset. The removal is remembered, so
 * the loader never brings the samples back.
 */
@ApplicationScoped
public class SampleDataService {

    static final String REMOVED = "sample-data.removed";

    /** What a removal did, or would do on a dry run. */
    public record Removal(boolean dryRun, long customersDeleted, List<String> offersRetired, boolean fallbackUnset) {
    }

    private final ProfileService profiles;
    private final OfferService offers;
    private final FallbackOfferService fallback;
    private final Settings settings;
    private final Clock clock;

    public SampleDataService(ProfileService profiles, OfferService offers, FallbackOfferService fallback,
                             Settings settings, Clock clock) {
        this.profiles = profiles;
        this.offers = offers;
        this.fallback = fallback;
        this.settings = settings;
        this.clock = clock;
    }

    public Removal remove(boolean dryRun, String by) {
        List<String> sampleOffers = offers.liveSamples();
        boolean unsetFallback = fallback.offerId() != null && sampleOffers.contains(fallback.offerId());
        if (dryRun) {
            return new Removal(true, profiles.countSamples(), sampleOffers, unsetFallback);
        }
        settings.put(REMOVED, "true", by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (unsetFallback) {
            fallback.set(null, by);
        }
        offers.retireSamples(sampleOffers, by);
        long deleted = profiles.deleteSamples();
        return new Removal(false, deleted, sampleOffers, unsetFallback);
    }

    /** Whether the sample data was removed from this database (the loader then leaves it out). */
    public boolean removed() {
        return settings.find(REMOVED).isPresent();
    }
}
