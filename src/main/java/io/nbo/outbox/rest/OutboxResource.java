package io.nbo.outbox.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.outbox.service.OutboxService;
import io.nbo.outbox.service.OutboxView;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox", description = "Offers triggered by events, for delivery systems: poll and acknowledge, or "
        + "receive them by webhook (nbo.events.outbox.webhook-url)")
@RolesAllowed({Roles.CHANNEL, Roles.ADMIN})
public class OutboxResource {

    private final OutboxService outbox;

    public OutboxResource(OutboxService outbox) {
        this.outbox = outbox;
    }

    @GET
    @Operation(summary = "Triggered offers due for delivery now, oldest first",
            description = "Pending entries whose delay has passed and whose expiry has not, with an id above 'after'. "
                    + "An entry stays until acknowledged: deliver it, then POST /api/outbox/{id}/ack. Use "
                    + "idempotencyKey to drop an entry you delivered already (at-least-once delivery).")
    @APIResponse(responseCode = "200", description = "A page of entries and the 'after' of the next page")
    @APIResponse(responseCode = "400", description = "after or limit out of range")
    public OutboxService.Page due(@QueryParam("after") @DefaultValue("0") long after,
                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        if (after < 0) {
            throw new InvalidFieldProblem("after", "after is an outbox id, 0 or more, got " + after);
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidFieldProblem("limit", "limit must be 1 to 1000, got " + limit);
        }
        return outbox.due(after, limit);
    }

    @POST
    @Path("/{id}/ack")
    @Operation(summary = "Acknowledge that a triggered offer was delivered; again is harmless")
    @APIResponse(responseCode = "200", description = "The entry, now delivered")
    @APIResponse(responseCode = "404", description = "No such entry")
    @APIResponse(responseCode = "409", description = "The entry was not to be delivered (suppressed, expired, failed)")
    public OutboxView ack(@PathParam("id") long id) {
        return outbox.acknowledge(id);
    }
}
