package io.nbo.contact.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.contact.service.ContactHistoryStore;
import io.nbo.decision.core.policy.ContactEvent;
import io.nbo.offer.service.OfferCatalogue;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers/{customerId}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "What happened to the offers of a decision: the customer's contact history")
public class HistoryResource {

    private final ContactHistoryStore histories;
    private final OfferCatalogue catalogue;

    public HistoryResource(ContactHistoryStore histories, OfferCatalogue catalogue) {
        this.histories = histories;
        this.catalogue = catalogue;
    }

    /** One entry of the history, newest first. */
    @Schema(name = "ContactHistoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant at, String event, String decisionId, String offerId, String offerName,
                        String channel, BigDecimal value) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "A customer's contact history, newest first",
            description = "Every offer made to the customer (event 'offered') and every outcome recorded for it, "
                    + "over the look-back the contact policy uses. Call-centre agents read it before talking to a "
                    + "customer and record acceptance with POST /api/decisions/{id}/outcomes. An id with no history "
                    + "answers an empty list.")
    public List<Entry> history(@PathParam("customerId") String customerId) {
        return histories.history(customerId).events().stream()
                .sorted(Comparator.comparing(ContactEvent::at).reversed())
                .map(e -> new Entry(e.at(), e.type().code(), e.decisionId(), e.offerId(),
                        catalogue.findAny(e.offerId()).map(o -> o.name()).orElse(null), e.channel().code(), e.value()))
                .toList();
    }
}
