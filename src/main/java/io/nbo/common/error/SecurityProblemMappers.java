package io.nbo.common.error;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 in the API's one error shape. A 401 still asks for HTTP basic credentials (what a person's browser or
 * Swagger UI answers); channel clients send their X-API-Key instead. Neither says which roles an endpoint wants:
 * docs/security.md and each operation's description in the OpenAPI document do. The screens' own calls (marked
 * {@code X-Requested-With: XMLHttpRequest}, as app/api.js sends) get the 401 without the Basic challenge, so the browser
 * shows the sign-in page instead of its own password dialog.
 */
public class SecurityProblemMappers {

    static final String CHALLENGE = "Basic realm=\"nbo\"";
    static final String SIGN_IN = "sign in: people with HTTP basic (agent, marketer or admin), channel clients with "
            + "their X-API-Key header";
    static final String SCREEN = "XMLHttpRequest";
    static final String SIGN_IN_POST = "/j_security_check";
    static final String SIGN_IN_FAILED = "/login?failed";
    static final String NOT_YOUR_ROLE = "your role may not do this; docs/security.md lists who may do what";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return challenge(headers);
    }

    /**
     * A wrong user name or password: for the screens' sign-in form ({@code POST /j_security_check}) back to the sign-in
     * page, which says so; for everyone else the 401 challenge.
     */
    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e, HttpHeaders headers, HttpServerRequest request) {
        if (SIGN_IN_POST.equals(request.path())) {
            return Response.seeOther(URI.create(SIGN_IN_FAILED)).header("Cache-Control", "no-store").build();
        }
        return challenge(headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", NOT_YOUR_ROLE, (String) null);
    }

    private static Response challenge(HttpHeaders headers) {
        Response problem = Problem.response(401, "Unauthorized", SIGN_IN, (String) null);
        if (SCREEN.equalsIgnoreCase(headers.getHeaderString("X-Requested-With"))) {
            return problem;
        }
        return Response.fromResponse(problem).header("WWW-Authenticate", CHALLENGE).build();
    }
}
