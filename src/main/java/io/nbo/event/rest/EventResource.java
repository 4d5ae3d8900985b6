package io.nbo.event.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.config.EventConfig;
import io.nbo.event.core.CustomerEvent;
import io.nbo.event.service.EventApplier;
import io.nbo.event.service.EventService;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "What customers did: purchases, behaviour, service contacts, engagement and "
        + "consent; they keep the profile's aggregates and segments current and fire trigger tables")
@RolesAllowed({Roles.CHANNEL, Roles.AGENT})
public class EventResource {

    private final EventService events;
    private final EventConfig config;
    private final SecurityIdentity identity;

    public EventResource(EventService events, EventConfig config, SecurityIdentity identity) {
        this.events = events;
        this.config = config;
        this.identity = identity;
    }

    /** A batch of events. */
    public record EventBatch(List<EventPayload> events) {
    }

    /** What a batch did. */
    public record BatchResult(int accepted, int duplicates, List<EventApplier.Applied> results) {
    }

    @POST
    @Operation(summary = "Send one event",
            description = "Stored and applied before the answer (aggregates, consents, segments, completed offers, "
                    + "triggered offers): once acknowledged it is in the database and the next decision sees it. "
                    + "Idempotent by eventId: sending it again changes nothing and answers status 'duplicate'. "
                    + "Events may arrive late and in any order.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "purchase in a store", value = """
                    {"eventId": "pos-S012-000123", "customerId": "C0000042", "type": "purchase",
                     "occurredAt": "2026-11-23T08:12:00Z", "channel": "in-store", "storeId": "S012",
                     "items": [{"item": "flat-white", "category": "coffee", "quantity": 2, "price": 3.20}]}
                    """),
            @ExampleObject(name = "cart abandoned on the app", value = """
                    {"eventId": "app-7781", "customerId": "C0000042", "type": "cart-abandoned",
                     "occurredAt": "2026-11-23T19:40:00Z", "channel": "mobile-app", "amount": 54.90}
                    """),
            @ExampleObject(name = "consent withdrawn", value = """
                    {"eventId": "pref-551", "customerId": "C0000042", "type": "consent-changed",
                     "occurredAt": "2026-11-23T20:00:00Z", "channel": "sms", "granted": false}
                    """)}))
    @APIResponse(responseCode = "201", description = "Accepted: stored and applied; what it triggered")
    @APIResponse(responseCode = "200", description = "A duplicate: this eventId was received before; nothing changed")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it; nothing was stored")
    @APIResponse(responseCode = "409", description = "The eventId was used for another customer")
    @APIResponse(responseCode = "422", description = "No customer with that id")
    public Response one(EventPayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "the request needs a JSON body describing the event");
        }
        EventApplier.Applied applied = events.ingest(List.of(payload.toEvent("")), "", caller()).get(0);
        return Response.status(applied.status().equals("duplicate") ? 200 : 201).entity(applied).build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Send many events at once (up to nbo.events.max-batch, default 1,000)",
            description = "All or nothing: one invalid event (named as events[i].field) and nothing is stored. "
                    + "Events already received count as duplicates; the rest are applied in the order sent.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two events", value = """
            {"events": [
              {"eventId": "web-1", "customerId": "C0000042", "type": "product-view",
               "occurredAt": "2026-11-23T19:30:00Z", "channel": "web", "item": "trail-shoe", "category": "footwear"},
              {"eventId": "mail-9", "customerId": "C0000042", "type": "clicked",
               "occurredAt": "2026-11-23T19:31:00Z", "channel": "email"}]}
            """)))
    @APIResponse(responseCode = "200", description = "Accepted: how many were new, how many duplicates, each result")
    @APIResponse(responseCode = "400", description = "An event is invalid; the problem names it; nothing was stored")
    @APIResponse(responseCode = "422", description = "An event names no customer we hold; nothing was stored")
    public BatchResult batch(EventBatch batch) {
        if (batch == null || batch.events() == null || batch.events().isEmpty()
                || batch.events().size() > config.maxBatch()) {
            throw new InvalidFieldProblem("events", "send {\"events\": [...]} with 1 to " + config.maxBatch()
                    + " events");
        }
        List<CustomerEvent> checked = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            EventPayload p = batch.events().get(i);
            if (p == null) {
                throw new InvalidFieldProblem("events[" + i + "]", "an event cannot be null");
            }
            checked.add(p.toEvent("events[" + i + "]."));
        }
        List<EventApplier.Applied> results = events.ingest(checked, "events", caller());
        int duplicates = (int) results.stream().filter(r -> r.status().equals("duplicate")).count();
        return new BatchResult(results.size() - duplicates, duplicates, results);
    }

    /** Who sent the events, as the decision log names callers: a user, or key:<name> for an API key. */
    private String caller() {
        return identity.getPrincipal().getName();
    }
}
