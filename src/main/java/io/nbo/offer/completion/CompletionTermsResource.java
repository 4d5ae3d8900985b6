package io.nbo.offer.completion;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/offers/{id}/completion")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offers")
@RolesAllowed(Roles.MARKETER)
public class CompletionTermsResource {

    /** The terms as the API reads and writes them. */
    @Schema(name = "CompletionTerms", description = "A purchase within withinDays of the offer, spending at least "
            + "minSpend (in category, when named), completes it and records the 'purchased' outcome")
    public record Payload(@Schema(examples = "10.00") BigDecimal minSpend,
                          @Schema(examples = "coffee") String category,
                          @Schema(required = true, examples = "7") Integer withinDays) {
    }

    private final CompletionTermsStore store;
    private final OfferCatalogue catalogue;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CompletionTermsResource(CompletionTermsStore store, OfferCatalogue catalogue, SecurityIdentity identity,
                                   Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "What completes the offer")
    @APIResponse(responseCode = "200", description = "The terms")
    @APIResponse(responseCode = "404", description = "No such offer, or it has no completion terms")
    public Payload get(@PathParam("id") String id) {
        offer(id);
        CompletionTerms t = QuarkusTransaction.requiringNew().call(() -> store.find(id)).orElseThrow(
                () -> new NotFoundProblem("Offer '" + id + "' has no completion terms"));
        return new Payload(t.minSpend(), t.category(), t.withinDays());
    }

    @PUT
    @Operation(summary = "Set what completes the offer (a purchase within days, a minimum spend, a category)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "spend 10 on coffee within 7 days", value = """
            {"minSpend": 10.00, "category": "coffee", "withinDays": 7}
            """)))
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "404", description = "No such offer")
    public Payload put(@PathParam("id") String id, Payload p) {
        offer(id);
        if (p == null || p.withinDays() == null || p.withinDays() < 1 || p.withinDays() > 366) {
            throw new InvalidFieldProblem("withinDays", "withinDays must be 1 to 366 (days after the offer was made)");
        }
        if (p.minSpend() != null && (p.minSpend().signum() <= 0 || p.minSpend().scale() > 2)) {
            throw new InvalidFieldProblem("minSpend", "minSpend must be more than 0 with at most 2 decimals");
        }
        if (p.category() != null && !p.category().matches("[^,\\p{Cntrl}]{1,100}")) {
            throw new InvalidFieldProblem("category", "category must be 1 to 100 characters without commas");
        }
        if (p.minSpend() == null && p.category() == null) {
            throw new InvalidFieldProblem("minSpend", "name a minSpend, a category or both: otherwise any purchase "
                    + "would complete the offer");
        }
        QuarkusTransaction.requiringNew().run(() -> store.put(new CompletionTerms(id, p.minSpend(), p.category(),
                p.withinDays()), identity.getPrincipal().getName(), clock.instant()));
        return p;
    }

    @DELETE
    @Operation(summary = "Remove the offer's completion terms")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such offer, or it had no terms")
    public Response delete(@PathParam("id") String id) {
        offer(id);
        if (!QuarkusTransaction.requiringNew().call(() -> store.delete(id))) {
            throw new NotFoundProblem("Offer '" + id + "' has no completion terms");
        }
        return Response.noContent().build();
    }

    private void offer(String id) {
        if (catalogue.findAny(id).isEmpty()) {
            throw new NotFoundProblem("No offer with id '" + id + "'");
        }
    }
}
