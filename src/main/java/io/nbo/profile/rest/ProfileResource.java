package io.nbo.profile.rest;

import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.Values;
import io.nbo.profile.CustomerProfile;
import io.nbo.profile.attribute.Attributes;
import io.nbo.profile.fields.CustomerFields;
import io.nbo.profile.service.AttributeService;
import io.nbo.profile.service.CustomerSearch;
import io.nbo.profile.view.CustomerView;
import io.nbo.profile.view.CustomerViews;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    private final AttributeService attributes;
    private final CustomerSearch search;
    private final CustomerViews views;

    public ProfileResource(ProfileService profiles, CustomerErasure erasure, SecurityIdentity identity,
                           AttributeService attributes, CustomerSearch search, CustomerViews views) {
        this.profiles = profiles;
        this.erasure = erasure;
        this.identity = identity;
        this.attributes = attributes;
        this.search = search;
        this.views = views;
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
        Attributes declared = attributes.current();
        return profiles.list(page, size).stream().map(p -> CustomerPayload.from(p, declared)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Read one customer's profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerPayload get(@PathParam("id") String id) {
        return CustomerPayload.from(profiles.get(id), attributes.current());
    }

    /** One search result: enough for an agent to tell customers apart and open the right one. */
    @Schema(name = "CustomerMatch")
    public record Match(String id, String name, String email, String phone, Integer age, String country,
                        String lifecycleStage) {
    }

    /** A page of search results. */
    @Schema(name = "CustomerSearchPage")
    public record SearchPage(@Schema(examples = "name", description = "What q was compared with: id, email, phone, "
            + "name, or 'id, name' when an exact id came first") String matchedBy, int page, int size,
                             @Schema(description = "Whether another page has results") boolean more,
                             List<Match> customers) {
    }

    @GET
    @Path("/search")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Find a customer by id, part of the name, e-mail or phone (call centre)",
            description = "An exact id comes first; q with '@' is an e-mail (its start), digits are a phone number "
                    + "(the digits anywhere, so the last digits do), anything else a part of the name (3 characters "
                    + "or more, any case). Ordered by name, a page at a time.")
    @APIResponse(responseCode = "200", description = "The matches (possibly none)")
    @APIResponse(responseCode = "400", description = "q missing, too short for a name, or page/size out of range")
    public SearchPage search(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size) {
        CustomerSearch.Page found = search.search(q, page, size);
        return new SearchPage(found.matchedBy(), page, size, found.more(), found.customers().stream()
                .map(p -> new Match(p.id(), p.name(), p.email(), p.phone(), p.age(), p.country(), p.lifecycleStage()))
                .toList());
    }

    @GET
    @Path("/{id}/view")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "The customer 360 view for an agent's screen",
            description = "Identity, every attribute (built-in and custom) with its type, consents per channel, "
                    + "segments, the offers made with their outcomes (newest first) and their totals; purchases and "
                    + "recentEvents come from the event store (null and empty until events are recorded).")
    @APIResponse(responseCode = "200", description = "The view")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerView view(@PathParam("id") String id) {
        return views.view(id);
    }

    @POST
    @Operation(summary = "Add a customer",
            description = "Built-in fields and declared custom attributes (flat or under \"attributes\"). A field the "
                    + "profile does not have is refused, naming it; with unknownFields=warn it is left out and the "
                    + "answer's warnings list it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CustomerPayload.class)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "A field is invalid or unknown; the problem names it")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(Map<String, Object> body,
                           @QueryParam("unknownFields") @Parameter(description = "refuse (default) or warn")
                           String unknownFields) {
        Attributes declared = attributes.current();
        CustomerFields.Read read = new CustomerFields(declared, CustomerFields.Unknown.of(unknownFields))
                .read(body, null);
        CustomerPayload created = CustomerPayload.from(profiles.create(read.profile()), declared,
                warnings(read.unknownFields()));
        return Response.created(URI.create("/api/customers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a customer's profile", description = "Fields as for POST; a field left out is "
            + "emptied (a custom attribute left out loses its value).")
    @RequestBody(content = @Content(schema = @Schema(implementation = CustomerPayload.class)))
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "A field is invalid or unknown; the problem names it")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerPayload update(@PathParam("id") String id, Map<String, Object> body,
                                  @QueryParam("unknownFields") @Parameter(description = "refuse (default) or warn")
                                  String unknownFields) {
        Attributes declared = attributes.current();
        CustomerFields.Read read = new CustomerFields(declared, CustomerFields.Unknown.of(unknownFields))
                .read(body, id);
        return CustomerPayload.from(profiles.update(read.profile()), declared, warnings(read.unknownFields()));
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
    @Operation(summary = "Insert or replace many customers at once (up to 10,000 a call)",
            description = "For files, use POST /api/customers/imports (streamed, any size, rejected rows reported).")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerPayload.class)))
    @APIResponse(responseCode = "200", description = "How many were written")
    @APIResponse(responseCode = "400", description = "A customer is invalid or has an unknown field; nothing was "
            + "written")
    public Map<String, Object> bulk(List<Map<String, Object>> payloads,
                                    @QueryParam("unknownFields") @Parameter(description = "refuse (default) or warn")
                                    String unknownFields) {
        if (payloads == null || payloads.isEmpty() || payloads.size() > 10_000) {
            throw new InvalidFieldProblem("body", "send a JSON array of 1 to 10,000 customers");
        }
        CustomerFields fields = new CustomerFields(attributes.current(), CustomerFields.Unknown.of(unknownFields));
        List<CustomerProfile> valid = new ArrayList<>(payloads.size());
        Set<String> unknown = new TreeSet<>();
        for (int i = 0; i < payloads.size(); i++) {
            try {
                CustomerFields.Read read = fields.read(payloads.get(i), null);
                valid.add(read.profile());
                unknown.addAll(read.unknownFields());
            } catch (InvalidFieldProblem e) {
                throw new InvalidFieldProblem("[" + i + "]." + e.field(), "customer " + i + ": " + e.getMessage()
                        + "; nothing was written");
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("written", profiles.upsertAll(valid));
        if (!unknown.isEmpty()) {
            answer.put("warnings", warnings(List.copyOf(unknown)));
        }
        return answer;
    }

    private static List<String> warnings(List<String> unknownFields) {
        return unknownFields.stream().map(f -> "unknown field '" + Values.clip(f, 60) + "' was left out").toList();
    }
}
