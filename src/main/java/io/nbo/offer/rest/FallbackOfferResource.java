package io.nbo.offer.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.offer.service.FallbackOfferService;
import io.nbo.offer.service.FallbackOfferService.Fallback;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/settings/fallback-offer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MARKETER)
@Tag(name = "Offers", description = "The offer catalogue")
public class FallbackOfferResource {

    private final FallbackOfferService fallback;
    private final OfferCatalogue catalogue;
    private final SecurityIdentity identity;

    public FallbackOfferResource(FallbackOfferService fallback, OfferCatalogue catalogue, SecurityIdentity identity) {
        this.fallback = fallback;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    /** What a marketer sends: the offer to fall back on, or null for none. */
    @Schema(name = "FallbackOfferChange")
    public record Change(@Schema(examples = "WELCOME-10", description = "A live, active offer; null for none")
                         String offerId) {
    }

    /** The fallback offer now. */
    @Schema(name = "FallbackOffer")
    public record View(@Schema(description = "null: no fallback") String offerId, String name,
                       @Schema(enumeration = {"active", "paused", "retired", "missing"}) String state,
                       @Schema(description = "Whether decisions can return it now (it is active and not retired)")
                       boolean serving,
                       @Schema(description = "Who set it; null while it is the server's configured default")
                       String setBy,
                       Instant setAt) {
    }

    @GET
    @Operation(summary = "The fallback offer: what a decision returns when nothing else survives",
            description = "Until a marketer sets one it is the server's default (nbo.decision.fallback-offer-id).")
    @APIResponse(responseCode = "200", description = "The fallback offer and its state")
    public View get() {
        return view(fallback.current());
    }

    @PUT
    @Operation(summary = "Set the fallback offer (or none)",
            description = "The offer must be in the catalogue, not retired and active. Applies from the next decision.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "welcome coupon", value = """
                    {"offerId": "WELCOME-10"}
                    """),
            @ExampleObject(name = "no fallback", value = """
                    {"offerId": null}
                    """)}))
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "400", description = "No body")
    @APIResponse(responseCode = "422", description = "No such offer, or it is retired or paused")
    public View put(Change change) {
        if (change == null) {
            throw new InvalidFieldProblem("body", "send a JSON body such as {\"offerId\": \"WELCOME-10\"} "
                    + "({\"offerId\": null} for no fallback)");
        }
        return view(fallback.set(change.offerId(), identity.getPrincipal().getName()));
    }

    private View view(Fallback f) {
        if (f.offerId() == null) {
            return new View(null, null, null, false, f.setBy(), f.setAt());
        }
        var offer = catalogue.findAny(f.offerId());
        String state = offer.isEmpty() ? "missing" : catalogue.retirement(f.offerId()).isPresent() ? "retired"
                : offer.get().active() ? "active" : "paused";
        return new View(f.offerId(), offer.map(o -> o.name()).orElse(null), state, state.equals("active"),
                f.setBy(), f.setAt());
    }
}
