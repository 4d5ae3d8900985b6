package io.nbo.funnel.service;

import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Values;
import io.nbo.config.FunnelConfig;
import io.nbo.funnel.FunnelCounts;
import io.nbo.funnel.FunnelRange;
import io.nbo.funnel.FunnelRangeParser;
import io.nbo.funnel.persistence.FunnelQuery;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offer funnel: offers made and what became of them, per day or week of a range, for one offer or every offer.
 * Counts what the decision log holds in the database (decisions are written there within moments of being made).
 */
@ApplicationScoped
public class FunnelService {

    private final FunnelQuery query;
    private final OfferCatalogue catalogue;
    private final FunnelRangeParser parser;
    private final Clock clock;

    public FunnelService(FunnelQuery query, OfferCatalogue catalogue, FunnelConfig config, Clock clock) {
        this.query = query;
        this.catalogue = catalogue;
        this.parser = new FunnelRangeParser(config.defaultDays(), config.maxDays());
        this.clock = clock;
    }

    /** One bucket of a report: its first and last day and the counts of the offers made in it. */
    public record Bucketed(LocalDate start, LocalDate end, FunnelCounts counts) {
    }

    /** One offer's report: the range as understood, the offer, the total and each bucket, oldest first. */
    public record OfferReport(FunnelRange range, Offer offer, FunnelCounts total, List<Bucketed> buckets) {
    }

    /** Every offer's totals over a range: catalogue offers (retired ones only when made in it), most made first. */
    public record Summary(FunnelRange range, List<Offer> offers, Map<String, FunnelCounts> counts) {
    }

    public OfferReport offer(String offerId, String from, String to, String zone, String bucket) {
        Offer offer = catalogue.findAny(offerId).orElseThrow(() -> new NotFoundProblem(
                "No offer with id " + Values.quote(offerId) + " in the catalogue (retired offers included)"));
        FunnelRange range = parser.parse(from, to, zone, bucket, clock.instant());
        List<LocalDate> starts = range.bucketStarts();
        FunnelCounts[] sums = new FunnelCounts[starts.size()];
        java.util.Arrays.fill(sums, FunnelCounts.NONE);
        FunnelCounts total = FunnelCounts.NONE;
        for (Map.Entry<Long, FunnelCounts> e
                : query.perQuarterHour(offer.id(), range.start(), range.end()).entrySet()) {
            LocalDate day = Instant.ofEpochSecond(e.getKey() * FunnelQuery.QUARTER_HOUR).atZone(range.zone())
                    .toLocalDate();
            int i = range.bucketOf(day);
            sums[i] = sums[i].plus(e.getValue());
            total = total.plus(e.getValue());
        }
        List<Bucketed> buckets = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : range.to();
            buckets.add(new Bucketed(starts.get(i), end, sums[i]));
        }
        return new OfferReport(range, offer, total, buckets);
    }

    public Summary summary(String from, String to, String zone) {
        FunnelRange range = parser.parse(from, to, zone, null, clock.instant());
        Map<String, FunnelCounts> counts = new LinkedHashMap<>(query.perOffer(range.start(), range.end()));
        Map<String, Offer> offers = new LinkedHashMap<>();
        catalogue.offers().forEach(o -> offers.put(o.id(), o));
        counts.keySet().forEach(id -> catalogue.findAny(id).ifPresent(o -> offers.putIfAbsent(id, o)));
        offers.keySet().forEach(id -> counts.putIfAbsent(id, FunnelCounts.NONE));
        List<Offer> ordered = offers.values().stream()
                .sorted(Comparator.comparingLong((Offer o) -> -counts.get(o.id()).offered()).thenComparing(Offer::id))
                .toList();
        counts.keySet().retainAll(offers.keySet());
        return new Summary(range, ordered, counts);
    }
}
