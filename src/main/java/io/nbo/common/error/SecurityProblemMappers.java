package io.nbo.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 in the API's one error shape; a 401 still asks for HTTP basic credentials. */
public class SecurityProblemMappers {

    private static final String CHALLENGE = "Basic realm=\"nbo\"";

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
        return Problem.response(403, "Forbidden", "your role may not do this; rule changes need the marketer or "
                + "admin role", (String) null);
    }

    private static Response challenge() {
        Response problem = Problem.response(401, "Unauthorized", "sign in (HTTP basic) as a marketer or admin",
                (String) null);
        return Response.fromResponse(problem).header("WWW-Authenticate", CHALLENGE).build();
    }
}
