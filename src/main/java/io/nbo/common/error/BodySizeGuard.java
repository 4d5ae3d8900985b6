package io.nbo.common.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request that announces a body over {@code quarkus.http.limits.max-body-size} is answered 413 in the API's one
 * error shape, naming the limit and the size found, before any of the body is read (the server's own check, which it
 * runs just after this one, answers with an empty body). The connection is closed after the answer, since the rest of
 * the body is not read.
 */
@ApplicationScoped
public class BodySizeGuard {

    static final String LIMIT = "quarkus.http.limits.max-body-size";
    /** Just before Quarkus' own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -3;

    private final long maxBytes;

    public BodySizeGuard(@ConfigProperty(name = LIMIT, defaultValue = "10240K") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            long length = length(ctx.request().getHeader("Content-Length"));
            if (length <= maxBytes) {
                ctx.next();
                return;
            }
            String body = new JsonObject().put("type", "about:blank").put("title", "Request body too large")
                    .put("status", 413).put("detail", "the request body is " + length + " bytes; this server takes "
                            + "at most " + maxBytes + " (" + LIMIT + ")").put("limit", LIMIT)
                    .put("maximum", maxBytes).put("found", length).encode();
            ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(body);
        });
    }

    /** The announced length, or -1 when there is none (or it is not a number: the server refuses that itself). */
    private static long length(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
