package io.nbo.common.error;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request that announces a body over {@code nbo.http.max-body-size} (16M) is answered 413 in the API's one error
 * shape, naming the limit and the size found, before any of the body is read. The one exception is a customer import
 * ({@code POST /api/customers/imports}), which streams its file to disk and takes up to
 * {@code nbo.customers.import-max-bytes} (2G); the server's own {@code quarkus.http.limits.max-body-size} is set to that
 * and stays the last line. A body that does not announce its length (chunked) is taken by the import only: anywhere
 * else it is answered 411, so no other endpoint ever reads more than its limit. The connection is closed after a
 * refusal, since the rest of the body is not read.
 */
@ApplicationScoped
public class BodySizeGuard {

    static final String LIMIT = "nbo.http.max-body-size";
    static final String IMPORT_LIMIT = "nbo.customers.import-max-bytes";
    static final String IMPORTS = "/api/customers/imports";
    /** Just before Quarkus' own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -3;

    private final long maxBytes;
    private final long importBytes;

    public BodySizeGuard(io.nbo.config.HttpConfig http, io.nbo.config.CustomerDataConfig customers) {
        this.maxBytes = http.maxBodySize().asLongValue();
        this.importBytes = customers.importMaxBytes();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(ctx -> {
            long length = length(ctx.request().getHeader("Content-Length"));
            boolean importing = IMPORTS.equals(ctx.normalizedPath());
            long max = importing ? importBytes : maxBytes;
            String chunked = ctx.request().getHeader("Transfer-Encoding");
            if (length < 0 && chunked != null && !importing) {
                String body = new JsonObject().put("type", "about:blank").put("title", "Length required")
                        .put("status", 411).put("detail", "send the request body with a Content-Length; only customer "
                                + "imports take a body of unannounced length").encode();
                ctx.response().setStatusCode(411).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(body);
                return;
            }
            if (length <= max) {
                ctx.next();
                return;
            }
            String limit = importing ? IMPORT_LIMIT : LIMIT;
            String body = new JsonObject().put("type", "about:blank").put("title", "Request body too large")
                    .put("status", 413).put("detail", "the request body is " + length + " bytes; this server takes "
                            + "at most " + max + " (" + limit + ")").put("limit", limit)
                    .put("maximum", max).put("found", length).encode();
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
