package io.nbo.rules.rest;

import io.nbo.common.error.Problem;
import io.nbo.rules.service.HeaderChangeForbidden;
import io.nbo.rules.service.RuleSetRejected;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rule-set rejections as problem+json, each problem located by file, sheet, cell and row. */
public class RuleSetProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RuleSetRejected e) {
        return Problem.response(422, "Rule set rejected", e.getMessage(), e.problems());
    }

    @ServerExceptionMapper
    public Response forbidden(HeaderChangeForbidden e) {
        return Problem.response(403, "Forbidden", e.getMessage(), (String) null);
    }
}
