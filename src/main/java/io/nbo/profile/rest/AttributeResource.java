package io.nbo.profile.rest;

import io.nbo.profile.attribute.AttributeDeclaration;
import io.nbo.profile.service.AttributeService;
import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Custom customer attributes: admins declare them; agents and marketers read what is declared. */
@Path("/api/attributes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attributes", description = "Custom customer attributes (income, membership date, loyalty tier, ...)")
@RolesAllowed(Roles.ADMIN)
public class AttributeResource {

    private final AttributeService attributes;
    private final SecurityIdentity identity;

    public AttributeResource(AttributeService attributes, SecurityIdentity identity) {
        this.attributes = attributes;
        this.identity = identity;
    }

    /** An attribute declaration over the wire. */
    @Schema(name = "Attribute")
    public record AttributePayload(
            @Schema(examples = "loyalty_tier") String name,
            @Schema(examples = "choice", enumeration = {"number", "text", "date", "yes-no", "choice"}) String type,
            @Schema(examples = "Loyalty tier") String label,
            @Schema(examples = "Tier from the loyalty programme, refreshed nightly") String description,
            @Schema(examples = "[\"bronze\", \"silver\", \"gold\"]", description = "A choice's values") List<String> values,
            @Schema(readOnly = true, examples = "1") Integer version,
            @Schema(readOnly = true) Instant updatedAt,
            @Schema(readOnly = true, examples = "admin") String updatedBy) {

        static AttributePayload from(AttributeDeclaration a) {
            return new AttributePayload(a.name(), a.type().code(), a.label(), a.description(), a.allowed(),
                    a.version(), a.updatedAt(), a.updatedBy());
        }

        AttributeService.Draft draft() {
            return new AttributeService.Draft(name, type, label, description, values);
        }
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "The declared custom attributes, by name")
    public List<AttributePayload> list() {
        return attributes.current().all().stream().map(AttributePayload::from).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "One declared attribute")
    @APIResponse(responseCode = "200", description = "The declaration")
    @APIResponse(responseCode = "404", description = "No attribute of that name; the problem lists the declared ones")
    public AttributePayload get(@PathParam("name") String name) {
        return AttributePayload.from(attributes.get(name));
    }

    @GET
    @Path("/{name}/versions")
    @RolesAllowed({Roles.AGENT, Roles.MARKETER})
    @Operation(summary = "Every version of a declaration, oldest first: who changed what, when")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "No attribute of that name")
    public List<AttributePayload> versions(@PathParam("name") String name) {
        return attributes.versions(name).stream().map(AttributePayload::from).toList();
    }

    @POST
    @Operation(summary = "Declare a custom attribute", description = "Types: number, text (up to 200 characters), "
            + "date (yyyy-MM-dd), yes-no, choice (one of the listed values). A name keeps its type for good.")
    @APIResponse(responseCode = "201", description = "Declared")
    @APIResponse(responseCode = "400", description = "A field is invalid; the problem names it")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response declare(AttributePayload payload) {
        AttributeDeclaration a = attributes.declare(payload == null ? null : payload.draft(), who());
        return Response.created(URI.create("/api/attributes/" + a.name())).entity(AttributePayload.from(a)).build();
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Change an attribute's label, description, or add values to a choice",
            description = "The type cannot change and a choice cannot lose values: stored values and live tables rely "
                    + "on them.")
    @APIResponse(responseCode = "200", description = "Changed; version counts up")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "404", description = "No attribute of that name")
    @APIResponse(responseCode = "409", description = "A change of type, or a value removed")
    public AttributePayload change(@PathParam("name") String name, AttributePayload payload) {
        return AttributePayload.from(attributes.change(name, payload == null ? null : payload.draft(), who()));
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
