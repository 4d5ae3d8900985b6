package io.nbo.rules.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nbo.common.error.InvalidFieldProblem;
import io.nbo.common.error.NotFoundProblem;
import io.nbo.common.error.Problem;
import io.nbo.common.error.UnavailableProblem;
import io.nbo.rules.compile.RuleProblem;
import io.nbo.rules.compile.TableTooLarge;
import io.nbo.rules.service.HeaderChangeForbidden;
import io.nbo.rules.service.RuleSetRejected;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The problem+json a rule-set failure is answered with, the same whether the request waited for it or a job ran it:
 * a rejection (422, each problem located), a forbidden header change (403), a table over a limit (413 for its bytes,
 * 422 for rows, cells, sheets or inflated size, naming the limit, its maximum and the value found).
 */
final class RuleSetProblems {

    private static final Logger LOG = Logger.getLogger(RuleSetProblems.class);

    private RuleSetProblems() {
    }

    /** RFC 9457 problem details with the members rule-set failures add. */
    @Schema(name = "RuleSetProblem", description = "problem+json; 'limit', 'maximum' and 'found' name a limit passed")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String type, String title, int status, String detail, String limit, Long maximum, Long found,
                List<RuleProblem> problems) {
    }

    static Body of(RuntimeException e) {
        if (e instanceof RuleSetRejected r) {
            return new Body("about:blank", "Rule set rejected", 422, r.getMessage(), null, null, null, r.problems());
        }
        if (e instanceof HeaderChangeForbidden f) {
            return new Body("about:blank", "Forbidden", 403, f.getMessage(), null, null, null, null);
        }
        if (e instanceof TableTooLarge t) {
            return new Body("about:blank", t.bodyTooLarge() ? "Table file too large" : "Table too big",
                    t.bodyTooLarge() ? 413 : 422, t.detail(), t.limit(), t.maximum(), t.found(), t.problems());
        }
        if (e instanceof InvalidFieldProblem f) {
            return new Body("about:blank", "Invalid request", 400, f.getMessage(), null, null, null, null);
        }
        if (e instanceof NotFoundProblem n) {
            return new Body("about:blank", "Not found", 404, n.getMessage(), null, null, null, null);
        }
        if (e instanceof UnavailableProblem u) {
            return new Body("about:blank", "Service unavailable", 503, u.getMessage(), null, null, null, null);
        }
        LOG.error("A rule-set job failed unexpectedly", e);
        return new Body("about:blank", "Internal error", 500, "something went wrong on our side; it has been logged",
                null, null, null, null);
    }

    static jakarta.ws.rs.core.Response response(RuntimeException e) {
        Body body = of(e);
        return jakarta.ws.rs.core.Response.status(body.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
