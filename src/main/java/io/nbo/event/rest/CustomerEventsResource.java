package io.nbo.event.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.event.service.EventQueries;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
@RolesAllowed({Roles.AGENT, Roles.MARKETER})
public class CustomerEventsResource {

    private final EventQueries queries;

    public CustomerEventsResource(EventQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/events")
    @Operation(summary = "A customer's recent events, newest first (by when they happened)")
    @APIResponse(responseCode = "200", description = "The events, as sent (checked), with when we received each")
    @APIResponse(responseCode = "400", description = "limit out of range")
    @APIResponse(responseCode = "404", description = "No such customer")
    public List<EventQueries.EventView> events(@PathParam("customerId") String customerId,
                                               @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidFieldProblem("limit", "limit must be 1 to 500, got " + limit);
        }
        return queries.recentEvents(customerId, limit);
    }
}
