package io.nbo.funnel.rest;

import io.nbo.funnel.FunnelCounts;
import io.nbo.funnel.rest.FunnelPayloads.Bucket;
import io.nbo.funnel.rest.FunnelPayloads.OfferFunnel;
import io.nbo.funnel.rest.FunnelPayloads.OfferTotals;
import io.nbo.funnel.rest.FunnelPayloads.Stages;
import io.nbo.funnel.rest.FunnelPayloads.Summary;
import io.nbo.funnel.service.FunnelService;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offer funnel", description = "Offers made and what became of them, over time")
@RolesAllowed(Roles.MARKETER)
public class FunnelResource {

    private static final String RANGE = " The range is whole days in the zone, from and to both included (defaults: "
            + "the last 30 days up to today, UTC). Offers made are counted by the time of their decision, outcomes "
            + "with the offer they belong to: 'of the offers made that day, how many were opened', however late the "
            + "outcome came. Counts come from the decision log in the database, a few moments behind the decisions.";
    private static final String EXAMPLE = """
            {"offerId": "COFFEE-AM", "offerName": "Morning coffee coupon", "from": "2026-11-16", "to": "2026-11-22",
             "zone": "Europe/London", "bucket": "day",
             "total": {"offered": 40, "sent": 0, "delivered": 0, "opened": 22, "clicked": 9, "accepted": 5,
                       "rejected": 3, "purchased": 4},
             "buckets": [{"start": "2026-11-16", "end": "2026-11-16", "offered": 6, "sent": 0, "delivered": 0,
                          "opened": 3, "clicked": 1, "accepted": 1, "rejected": 0, "purchased": 1}]}""";

    private final FunnelService funnel;

    public FunnelResource(FunnelService funnel) {
        this.funnel = funnel;
    }

    @GET
    @Path("/{id}/funnel")
    @Operation(summary = "One offer's funnel per day or week: offered, sent, delivered, opened, clicked, accepted, "
            + "rejected (declined), purchased", description = "Every bucket of the range is listed, empty ones with "
            + "zeros; a week runs Monday to Sunday, the first and last clipped to the range." + RANGE)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a week", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from, to, zone or bucket is not understood, from is after "
            + "to, or the range is longer than nbo.funnel.max-days; the problem names the parameter")
    @APIResponse(responseCode = "404", description = "No such offer (retired offers have funnels too)")
    public OfferFunnel offer(@PathParam("id") String id,
                             @Parameter(description = "first day, yyyy-MM-dd") @QueryParam("from") String from,
                             @Parameter(description = "last day, yyyy-MM-dd") @QueryParam("to") String to,
                             @Parameter(description = "day (default) or week") @QueryParam("bucket") String bucket,
                             @Parameter(description = "time zone of the days, e.g. Europe/London (default UTC)")
                             @QueryParam("zone") String zone) {
        FunnelService.OfferReport r = funnel.offer(id, from, to, zone, bucket);
        return new OfferFunnel(r.offer().id(), r.offer().name(), r.range().from(), r.range().to(),
                FunnelPayloads.zone(r.range()), r.range().bucket().code(), Stages.of(r.total()),
                r.buckets().stream().map(b -> Bucket.of(b.start(), b.end(), b.counts())).toList());
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Every offer's funnel totals over a range, most offered first",
            description = "The catalogue's offers (those made nothing in the range with zeros) and retired offers "
                    + "made in the range." + RANGE)
    @APIResponse(responseCode = "200", description = "One row per offer and the total")
    @APIResponse(responseCode = "400", description = "from, to or zone is not understood, from is after to, or the "
            + "range is longer than nbo.funnel.max-days; the problem names the parameter")
    public Summary summary(@Parameter(description = "first day, yyyy-MM-dd") @QueryParam("from") String from,
                           @Parameter(description = "last day, yyyy-MM-dd") @QueryParam("to") String to,
                           @Parameter(description = "time zone of the days (default UTC)")
                           @QueryParam("zone") String zone) {
        FunnelService.Summary s = funnel.summary(from, to, zone);
        FunnelCounts total = s.counts().values().stream().reduce(FunnelCounts.NONE, FunnelCounts::plus);
        return new Summary(s.range().from(), s.range().to(), FunnelPayloads.zone(s.range()), Stages.of(total),
                s.offers().stream().map(o -> OfferTotals.of(o.id(), o.name(), s.counts().get(o.id()))).toList());
    }
}
