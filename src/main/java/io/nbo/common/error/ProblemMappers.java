package io.nbo.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nbo.common.persistence.DatabaseFailures;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every exception the API lets out to one problem+json shape, with a message a person can act on and no stack
 * traces or class names.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldProblem e) {
        return Problem.response(400, "Invalid request", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenProblem e) {
        return Problem.response(403, "Forbidden", e.getMessage(), (String) null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return Problem.response(404, "Not found", e.getMessage(), (String) null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e) {
        return Problem.response(409, "Conflict", e.getMessage(), (String) null);
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableProblem e) {
        return Problem.response(422, "Unprocessable request", e.getMessage(), (String) null);
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableProblem e) {
        return Response.fromResponse(Problem.response(503, "Service unavailable", e.getMessage(), (String) null))
                .header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response brokenJson(JsonParseException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String expected = e instanceof InvalidFormatException f && f.getTargetType() != null
                    ? " (expected " + describe(f.getTargetType()) + ")" : "";
            return Problem.response(400, "Invalid request", "field '" + field + "' has a value of the wrong type"
                    + expected, field);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return Problem.response(400, "Invalid request", "the body is not valid JSON" + where, "body");
    }

    @ServerExceptionMapper
    public Response routeNotFound(NotFoundException e) {
        return Problem.response(404, "Not found", "no such resource", (String) null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.response(405, "Method not allowed", "this resource does not accept that method",
                (String) null);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problem.response(415, "Unsupported media type", "send the body as application/json", (String) null);
    }

    @ServerExceptionMapper(priority = 6000)
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), "the request could not be served",
                (String) null);
    }

    /** Logged with its causes and stack, but database errors without the values they quote (personal data). */
    @ServerExceptionMapper(priority = 7000)
    public Response unexpected(RuntimeException e) {
        if (DatabaseFailures.unreachable(e)) {
            // Not a bug: the database is away and this request needed it (a customer or history not in the cache).
            LOG.warnf("A request needed the database, which cannot be reached: %s", DatabaseFailures.describe(e));
            return unavailable(new UnavailableProblem("the database cannot be reached and this request needs it (for "
                    + "example a customer whose profile is not in the cache); try again shortly", 5));
        }
        java.util.Optional<String> badData = StoredValues.refusedByDatabase(e);
        if (badData.isPresent()) {
            LOG.infof("A request held a value the database refuses (SQL state %s)", badData.get());
            return Problem.response(400, "Invalid request", StoredValues.DETAIL, (String) null);
        }
        LOG.error("Unexpected error serving a request", RedactedFailure.of(e));
        return Problem.response(500, "Internal error", "something went wrong on our side; it has been logged",
                (String) null);
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date, yyyy-MM-dd";
            case "LocalTime" -> "a time, HH:mm";
            default -> "a " + type.getSimpleName().toLowerCase();
        };
    }
}
