package io.nbo.profile.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.profile.service.CustomerErasure;
import io.nbo.profile.service.ProfileService;
import io.quarkus.security.identity.SecurityIdentity;
import io.nbo.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Customer profiles (the customer 360 view)")
@RolesAllowed(Roles.ADMIN)
public class ProfileResource {

    private final ProfileService profiles;
    private final CustomerErasure erasure;
    private final SecurityIdentity identity;

    public ProfileResource(ProfileService profiles, CustomerErasure erasure, SecurityIdentity identity) {
        this.profiles = profiles;
        this.erasure = erasure;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List customers, a page at a time, ordered by id")
    public List<CustomerPayload> list(@QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0) {
            throw new InvalidFieldProblem("page", "page starts at 0, got " + page);
        }
        if (size < 1 || size > 500) {
            throw new InvalidFieldProblem("size", "size must be 1 to 500, got " + size);
        }
        return profiles.list(page, size).stream().map(CustomerPayload::from).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Read one customer's profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerPayload get(@PathParam("id") String id) {
        return CustomerPayload.from(profiles.get(id));
    }

    @POST
    @Operation(summary = "Add a customer")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(CustomerPayload payload) {
        CustomerPayload created = CustomerPayload.from(profiles.create(body(payload).toProfile()));
        return Response.created(URI.create("/api/customers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a customer's profile")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerPayload update(@PathParam("id") String id, CustomerPayload payload) {
        if (body(payload).id() != null && !payload.id().equals(id)) {
            throw new InvalidFieldProblem("id", "the id in the body ('" + payload.id() + "') differs from the path");
        }
        CustomerPayload withId = new CustomerPayload(id, payload.age(), payload.gender(), payload.country(),
                payload.region(), payload.timeZone(), payload.consents(), payload.segments(), payload.tags(),
                payload.lifecycleStage(), payload.engagement(), payload.recencyDays(), payload.frequency(),
                payload.monetary(), payload.topCategories(), payload.topItems(), payload.preferredChannels(),
                payload.predictedValue(), payload.churnRisk());
        return CustomerPayload.from(profiles.update(withId.toProfile()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a customer",
            description = "Deletes the profile (consents, segments, aggregates) and every cached copy, and replaces the "
                    + "customer id in the decision log and outcomes with a one-way token (the 'pseudonym'), so "
                    + "reports keep their counts without naming the person. Works for a visitor with decisions but "
                    + "no profile too. Erasing again changes nothing and answers alreadyErased: true.")
    @APIResponse(responseCode = "200", description = "Erased (or already erased): what was done")
    @APIResponse(responseCode = "404", description = "No profile, decision or outcome with that id, and never erased")
    @APIResponse(responseCode = "503", description = "Decisions for the customer are still being written; nothing "
            + "was erased, try again")
    public CustomerErasure.Erasure erase(@PathParam("id") String id) {
        return erasure.erase(id, identity.getPrincipal().getName());
    }

    @POST
    @Path("/bulk")
    @Operation(summary = "Insert or replace many customers at once (up to 10,000 a call)")
    @APIResponse(responseCode = "200", description = "How many were written")
    @APIResponse(responseCode = "400", description = "A customer is invalid; nothing was written")
    public Map<String, Integer> bulk(List<CustomerPayload> payloads) {
        if (payloads == null || payloads.isEmpty() || payloads.size() > 10_000) {
            throw new InvalidFieldProblem("body", "send a JSON array of 1 to 10,000 customers");
        }
        List<io.nbo.profile.CustomerProfile> valid = new java.util.ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            try {
                valid.add(body(payloads.get(i)).toProfile());
            } catch (InvalidFieldProblem e) {
                throw new InvalidFieldProblem("[" + i + "]." + e.field(), "customer " + i + ": " + e.getMessage()
                        + "; nothing was written");
            }
        }
        return Map.of("written", profiles.upsertAll(valid));
    }

    private static CustomerPayload body(CustomerPayload payload) {
        if (payload == null) {
            throw new InvalidFieldProblem("body", "the request needs a JSON body describing the customer");
        }
        return payload;
    }
}
