package io.nbo.funnel.rest;

import io.nbo.funnel.FunnelCounts;
import io.nbo.funnel.FunnelRange;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The funnel answers: counts flat in each row, so a chart or a spreadsheet reads them as columns. */
public final class FunnelPayloads {

    private FunnelPayloads() {
    }

    @Schema(name = "FunnelStages", description = "Offers made, and of those how many have each outcome recorded. "
            + "rejected: declined by the customer.")
    public record Stages(long offered, long sent, long delivered, long opened, long clicked, long accepted,
                         long rejected, long purchased) {
        static Stages of(FunnelCounts c) {
            return new Stages(c.offered(), c.sent(), c.delivered(), c.opened(), c.clicked(), c.accepted(),
                    c.rejected(), c.purchased());
        }
    }

    @Schema(name = "FunnelBucket", description = "One day or week: its first and last day (both included), and the "
            + "counts of the offers made in it")
    public record Bucket(LocalDate start, LocalDate end, long offered, long sent, long delivered, long opened,
                         long clicked, long accepted, long rejected, long purchased) {
        static Bucket of(LocalDate start, LocalDate end, FunnelCounts c) {
            return new Bucket(start, end, c.offered(), c.sent(), c.delivered(), c.opened(), c.clicked(),
                    c.accepted(), c.rejected(), c.purchased());
        }
    }

    @Schema(name = "OfferFunnel", description = "One offer's funnel over a range, per bucket, oldest first")
    public record OfferFunnel(String offerId, String offerName, LocalDate from, LocalDate to, String zone,
                              String bucket, Stages total, List<Bucket> buckets) {
    }

    @Schema(name = "FunnelSummaryRow", description = "One offer's totals over the range")
    public record OfferTotals(String offerId, String offerName, long offered, long sent, long delivered, long opened,
                              long clicked, long accepted, long rejected, long purchased) {
        static OfferTotals of(String id, String name, FunnelCounts c) {
            return new OfferTotals(id, name, c.offered(), c.sent(), c.delivered(), c.opened(), c.clicked(),
                    c.accepted(), c.rejected(), c.purchased());
        }
    }

    @Schema(name = "FunnelSummary", description = "Every offer's funnel totals over a range, most offered first")
    public record Summary(LocalDate from, LocalDate to, String zone, Stages total, List<OfferTotals> offers) {
    }

    static String zone(FunnelRange range) {
        return range.zone().getId();
    }
}
