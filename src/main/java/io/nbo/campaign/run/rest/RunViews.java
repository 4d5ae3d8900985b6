package io.nbo.campaign.run.rest;

import io.nbo.campaign.allocation.OfferLimit;
import io.nbo.campaign.run.RunPricing;
import io.nbo.campaign.run.persistence.RunReports;
import io.nbo.campaign.run.persistence.RunRow;
import io.nbo.offer.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the run API answers: a run with its progress, and its summary. */
final class RunViews {

    private RunViews() {
    }

    @Schema(name = "CampaignRun")
    record RunView(String id, @Schema(description = "queued, sampling, pricing, assigning, done, cancelled, failed")
                   String status, boolean dryRun, String audience, String segment, List<String> channels,
                   LocalDate sendDate, int offers, int maxOffers, String requestedBy, Instant createdAt,
                   Instant startedAt, Instant finishedAt, Progress progress, boolean cancelRequested,
                   String failure) {
    }

    @Schema(name = "CampaignRunProgress")
    record Progress(@Schema(description = "Customers in the audience (known once sampling starts)")
                    Long customersTotal, long customersDone, long customersReached,
                    @Schema(description = "Customers done per second since the run started") double rate) {
    }

    @Schema(name = "CampaignRunSummary")
    record SummaryView(String id, String status,
                       @Schema(description = "True once every customer of the audience has been decided")
                       boolean complete, Long customersTotal, long customersDone, long customersReached,
                       long contacts, double expectedValue,
                       @Schema(description = "An upper bound on the expected value of any allocation of this "
                               + "audience within these limits (the Lagrangian dual at the run's prices); null "
                               + "until the run is complete") Double upperBound,
                       @Schema(description = "(upperBound - expectedValue) / upperBound: at most this share of "
                               + "value was left on the table") Double gap,
                       List<OfferView> offers) {
    }

    @Schema(name = "CampaignRunOffer")
    record OfferView(String offerId,
                     @Schema(description = "Contacts the volume rules left for this run when it priced; null = "
                             + "unlimited") Long limit,
                     long used, double expectedValue,
                     @Schema(description = "The offer's dual price per contact (0 when its limit does not bind)")
                     double price) {
    }

    static RunView view(RunRow row, List<RunReports.Partition> partitions, Instant now) {
        long done = partitions.stream().mapToLong(RunReports.Partition::customersDone).sum();
        long reached = partitions.stream().mapToLong(RunReports.Partition::customersReached).sum();
        Instant end = row.finishedAt() == null ? now : row.finishedAt();
        double seconds = row.startedAt() == null ? 0 : Duration.between(row.startedAt(), end).toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : Math.round(done / seconds * 10) / 10.0;
        var spec = row.spec();
        return new RunView(spec.id(), row.status().code(), spec.dryRun(), spec.audience().kind().name().toLowerCase(),
                spec.audience().segment(), spec.channels().stream().map(Channel::code).toList(), spec.sendDate(),
                spec.offers().size(), spec.maxOffers(), spec.requestedBy(), spec.createdAt(), row.startedAt(),
                row.finishedAt(), new Progress(row.customersTotal(), row.customersTotal() == null ? done
                : Math.min(done, row.customersTotal()), reached, rate), row.cancelRequested(), row.failure());
    }

    static SummaryView summary(RunRow row, List<RunReports.Partition> partitions, List<RunReports.OfferUse> uses) {
        long done = partitions.stream().mapToLong(RunReports.Partition::customersDone).sum();
        long reached = partitions.stream().mapToLong(RunReports.Partition::customersReached).sum();
        double dual = partitions.stream().mapToDouble(RunReports.Partition::dualTerms).sum();
        Map<String, RunReports.OfferUse> used = new HashMap<>();
        uses.forEach(u -> used.put(u.offerId(), u));
        RunPricing pricing = row.pricing() == null ? null : RunPricing.parse(row.pricing());
        List<OfferView> offers = new ArrayList<>();
        double value = 0;
        long contacts = 0;
        for (int o = 0; o < row.spec().offers().size(); o++) {
            String id = row.spec().offers().get(o);
            RunReports.OfferUse use = used.get(id);
            OfferLimit limit = pricing == null ? null : pricing.limits().get(o);
            offers.add(new OfferView(id, limit == null || !limit.volumeLimited() ? null : limit.volume(),
                    use == null ? 0 : use.sends(), use == null ? 0 : round(use.expectedValue()),
                    pricing == null ? 0 : round(pricing.volumePrices()[o])));
            value += use == null ? 0 : use.expectedValue();
            contacts += use == null ? 0 : use.sends();
        }
        boolean complete = "done".equals(row.status().code());
        Double bound = complete && pricing != null ? round(dual + pricing.limitTerm()) : null;
        Double gap = bound == null ? null : bound <= 0 ? 0.0 : round(Math.max(0, (bound - value) / bound));
        return new SummaryView(row.spec().id(), row.status().code(), complete, row.customersTotal(), done, reached,
                contacts, round(value), bound, gap, offers);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
