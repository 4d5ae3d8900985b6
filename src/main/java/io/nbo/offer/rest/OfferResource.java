package io.nbo.offer.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.offer.Offer;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.offer.service.OfferService;
import io.quarkus.security.identity.SecurityIdentity;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    private final OfferCatalogue catalogue;
    private final SecurityIdentity identity;

    public OfferResource(OfferService offers, OfferCatalogue catalogue, SecurityIdentity identity) {
        this.offers = offers;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.MARKETER, Roles.AGENT})
    @Operation(summary = "List the offers in the catalogue", description = "Serving and paused offers; with "
            + "include=retired the retired ones too, each with its state.")
    @APIResponse(responseCode = "200", description = "The offers, by id")
    @APIResponse(responseCode = "400", description = "include is not 'retired'")
    public List<OfferPayload> list(@QueryParam("include") String include) {
        if (include != null && !include.equals("retired")) {
            throw new InvalidFieldProblem("include", "include takes 'retired' (to list retired offers too), got "
                    + Values.quote(include));
        }
        return offers.list(include != null).stream().map(this::payload).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MARKETER, Roles.AGENT})
    @Operation(summary = "Read one offer, retired ones included")
    @APIResponse(responseCode = "200", description = "The offer, with its state")
    @APIResponse(responseCode = "404", description = "No such offer")
    public OfferPayload get(@PathParam("id") String id) {
        return payload(offers.get(id));
    }

    @POST
    @Operation(summary = "Add an offer")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "The id is taken (ids of retired offers too: never reused)")
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
    @APIResponse(responseCode = "409", description = "The offer is retired")
    public OfferPayload update(@PathParam("id") String id, OfferPayload payload) {
        if (requireBody(payload).id() != null && !payload.id().equals(id)) {
            throw new InvalidFieldProblem("id", "the id in the body ('" + payload.id() + "') differs from the path");
        }
        OfferPayload body = new OfferPayload(id, payload.name(), payload.description(), payload.category(),
                payload.kind(), payload.businessValue(), payload.channels(), payload.validFrom(), payload.validTo(),
                payload.windowStart(), payload.windowEnd(), payload.offerGroup(), payload.priority(), payload.active(), null,
                null);
        return payload(offers.update(body.toOffer()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Retire an offer", description = "The offer stops being a candidate from the next "
            + "decision on and stays in the catalogue, state 'retired', for history, outcomes and reports (GET "
            + "/api/offers?include=retired). Offers are never deleted: the decision log, outcomes, volume counters "
            + "and stored rule-set versions name them, and an id is never reused. Table rows that still name it "
            + "are warned about when tables are next checked, and no longer fire. Retiring it again changes nothing.")
    @APIResponse(responseCode = "200", description = "Retired (or already retired); the offer with its state")
    @APIResponse(responseCode = "404", description = "No such offer")
    @APIResponse(responseCode = "409", description = "It is the fallback offer: set another first")
    public OfferPayload retire(@PathParam("id") String id) {
        return payload(offers.retire(id, identity.getPrincipal().getName()));
    }

    private OfferPayload payload(Offer offer) {
        return OfferPayload.from(offer, catalogue.retirement(offer.id()).orElse(null));
    }

    private static OfferPayload requireBody(OfferPayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "the request needs a JSON body describing the offer");
        }
        return payload;
    }
}
