package io.nbo.rules.rest;

import io.nbo.rules.compile.TableTooLarge;
import io.nbo.rules.service.HeaderChangeForbidden;
import io.nbo.rules.service.RuleSetRejected;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rule-set failures as problem+json ({@link RuleSetProblems}), each problem located by file, sheet, cell and row. */
public class RuleSetProblemMappers {

    @ServerExceptionMapper
    public Response rejected(RuleSetRejected e) {
        return RuleSetProblems.response(e);
    }

    @ServerExceptionMapper
    public Response forbidden(HeaderChangeForbidden e) {
        return RuleSetProblems.response(e);
    }

    @ServerExceptionMapper
    public Response tooLarge(TableTooLarge e) {
        return RuleSetProblems.response(e);
    }
}
