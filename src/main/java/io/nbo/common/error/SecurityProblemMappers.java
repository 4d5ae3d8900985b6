package io.nbo.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 in the API's one error shape. A 401 still asks for HTTP basic credentials (what a person's browser or
 * Swagger UI answers); channel clients send their X-API-Key instead. Neither says which roles an endpoint wants:
 * docs/security.md and each operation's description in the OpenAPI document do.
 */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Basic realm=\"nbo\"";
    static final String SIGN_IN = "sign in: people with HTTP basic (agent, marketer or admin), channel clients with "
            + "their X-API-Key header";
    static final String NOT_YOUR_ROLE = "your role may not do this; docs/security.md lists who may do what";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", NOT_YOUR_ROLE, (String) null);
    }

    private static Response challenge() {
        Response problem = Problem.response(401, "Unauthorized", SIGN_IN, (String) null);
        return Response.fromResponse(problem).header("WWW-Authenticate", CHALLENGE).build();
    }
}
