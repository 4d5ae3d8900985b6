package io.nbo.offer.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.offer.service.OfferService;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "The offer catalogue")
@RolesAllowed(Roles.MARKETER)
public class OfferResource {

    private final OfferService offers;

    public OfferResource(OfferService offers) {
        this.offers = offers;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.AGENT})
    @Operation(summary = "List every offer in the catalogue")
    public List<OfferPayload> list() {
        return offers.list().stream().map(OfferPayload::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.AGENT})
    @Operation(summary = "Read one offer")
    @APIResponse(responseCode = "200", description = "The offer")
    @APIResponse(responseCode = "404", description = "No such offer")
    public OfferPayload get(@PathParam("id") String id) {
        return OfferPayload.from(offers.get(id));
    }

    @POST
    @Operation(summary = "Add an offer")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(OfferPayload payload) {
        OfferPayload created = OfferPayload.from(offers.create(requireBody(payload).toOffer()));
        return Response.created(URI.create("/api/offers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change an offer")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "A field is invalid, or the id in the body differs from the path")
    @APIResponse(responseCode = "404", description = "No such offer")
    public OfferPayload update(@PathParam("id") String id, OfferPayload payload) {
        if (requireBody(payload).id() != null && !payload.id().equals(id)) {
            throw new InvalidFieldProblem("id", "the id in the body ('" + payload.id() + "') differs from the path");
        }
        OfferPayload body = new OfferPayload(id, payload.name(), payload.description(), payload.category(),
                payload.kind(), payload.businessValue(), payload.channels(), payload.validFrom(), payload.validTo(),
                payload.windowStart(), payload.windowEnd(), payload.offerGroup(), payload.priority(), payload.active());
        return OfferPayload.from(offers.update(body.toOffer()));
    }

    private static OfferPayload requireBody(OfferPayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "the request needs a JSON body describing the offer");
        }
        return payload;
    }
}
