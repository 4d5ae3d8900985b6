package io.nbo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The security part of the OpenAPI document, derived from the one source of truth, the {@code @RolesAllowed} of each
 * operation (which Quarkus records as the roles of the {@code basic} requirement): operations a channel client may call
 * also name the {@code apiKey} scheme, every secured operation documents 401 and 403, and its description says which
 * roles may call it, so Swagger UI tells a newcomer who may do what.
 */
public class OpenApiSecurity implements OASFilter {

    static final String BASIC = "basic";
    static final String API_KEY = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(ApiKeyAuthenticationMechanism.HEADER)
                .description("A channel client's API key (website, app, contact-centre platform): may only ask for "
                        + "decisions and record outcomes. The embedded default's key is nbo-dev-key."));
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                secure(operation);
            }
        }
    }

    private static void secure(Operation operation) {
        List<String> roles = roles(operation);
        if (roles == null) {
            return;
        }
        List<String> people = new ArrayList<>(roles.stream().filter(r -> !r.equals(Roles.CHANNEL)).toList());
        boolean channel = roles.contains(Roles.CHANNEL);
        List<SecurityRequirement> requirements = new ArrayList<>();
        if (!people.isEmpty()) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(BASIC, people));
        }
        if (channel) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(API_KEY, List.of()));
        }
        operation.setSecurity(requirements);
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        responses.addAPIResponse("401", OASFactory.createAPIResponse().description(
                "Not signed in, or unknown credentials or API key (problem+json; asks for HTTP basic)"));
        responses.addAPIResponse("403", OASFactory.createAPIResponse().description(
                "Signed in, but no role that may do this (problem+json)"));
        operation.setResponses(responses);
        String who = "Who may call: " + (people.isEmpty() ? "" : (people.size() == 1 ? "role " : "roles ")
                + String.join(", ", people)
                + " (admin holds every role)") + (channel ? (people.isEmpty() ? "" : "; ")
                + "channel clients with an API key (X-API-Key)" : "") + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
    }

    /** The roles of the operation's basic requirement, as Quarkus recorded its @RolesAllowed; null if it has none. */
    private static List<String> roles(Operation operation) {
        if (operation.getSecurity() == null) {
            return null;
        }
        List<String> roles = null;
        for (SecurityRequirement requirement : operation.getSecurity()) {
            Map<String, List<String>> schemes = requirement.getSchemes();
            if (schemes != null && schemes.containsKey(BASIC)) {
                roles = new ArrayList<>(schemes.get(BASIC) == null ? List.of() : schemes.get(BASIC));
            }
        }
        return roles;
    }
}
