package io.nbo.screens;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The few routes the screens need beside their static files (src/main/resources/META-INF/resources): {@code /login}
 * serves the sign-in page, {@code /agent} and {@code /studio} go to their folder, and {@code POST /logout} drops the
 * session cookie. Sign-in itself is Quarkus form authentication ({@code POST /j_security_check}); every datum a page
 * shows comes from the role-checked {@code /api}, the pages themselves hold none.
 */
@ApplicationScoped
public class ScreenRoutes {

    static final String LOGIN_PAGE = "/login.html";

    void install(@Observes Router router) {
        router.get("/login").handler(ctx -> ctx.reroute(LOGIN_PAGE));
        router.get("/agent").handler(ctx -> toFolder(ctx, "/agent"));
        router.get("/studio").handler(ctx -> toFolder(ctx, "/studio"));
        router.route(HttpMethod.POST, "/logout").handler(ScreenRoutes::logout);
    }

    /** Vert.x matches "/agent" for "/agent/" too: only the bare name is sent on, the folder is the static page. */
    private static void toFolder(RoutingContext ctx, String name) {
        if (name.equals(ctx.normalizedPath())) {
            redirect(ctx, name + "/");
        } else {
            ctx.next();
        }
    }

    private static void logout(RoutingContext ctx) {
        FormAuthenticationMechanism.logout(ctx);
        redirect(ctx, "/login?signedOut");
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response().setStatusCode(303).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
    }
}
