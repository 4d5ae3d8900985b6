package io.nbo.security.rest;

import io.nbo.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who is calling: the screens ask it once to greet the person, send them to their screen and show only what their role
 * may do; an integrator uses it to check a key or a password. It reveals nothing the caller did not send.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Who is calling")
public class MeResource {

    /** Roles in the order the screens pick a home page by: the first one a caller holds wins. */
    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.MARKETER, Roles.AGENT, Roles.CHANNEL);

    private final SecurityIdentity identity;

    public MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller: a person's user name, or an API key's client name, and the roles it holds. */
    @Schema(name = "Me")
    public record Me(@Schema(examples = "agent", description = "The user name, or key: and the API key's client name")
                     String name,
                     @Schema(examples = "[\"agent\"]", description = "Roles held: admin, marketer, agent, channel")
                     List<String> roles) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.MARKETER, Roles.ADMIN, Roles.CHANNEL})
    @Operation(summary = "Who is calling: user name (or API key name) and roles",
            description = "Any signed-in caller. The screens read it once after sign-in to choose the page "
                    + "(agents: /agent/, marketers: /studio/).")
    @APIResponse(responseCode = "200", description = "The caller")
    public Me me() {
        return new Me(identity.getPrincipal().getName(), ROLES.stream().filter(identity::hasRole).toList());
    }
}
