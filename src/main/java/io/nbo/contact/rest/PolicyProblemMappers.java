package io.nbo.contact.rest;

import io.nbo.common.error.Problem;
import io.nbo.contact.policy.PolicyRejected;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused contact-policy table as problem+json, in a refused rule set's shape: 422, each problem located. */
public class PolicyProblemMappers {

    @ServerExceptionMapper
    public Response rejected(PolicyRejected e) {
        return Problem.response(422, "Contact policy rejected", e.getMessage(), e.problems());
    }
}
