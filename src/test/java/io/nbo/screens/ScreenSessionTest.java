package io.nbo.screens;

import static io.nbo.support.Callers.asAgent;
import static io.nbo.support.Callers.withDevKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * How the screens' sign-in lives beside the API's: a form post gives a session cookie the API accepts, while a caller
 * without credentials still gets 401 problem+json with the Basic challenge, and basic and API keys keep working.
 */
@QuarkusTest
class ScreenSessionTest {

    private static Response signIn(String user, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void aFormSignInGivesAnHttpOnlyStrictSessionCookieThatTheApiAccepts() {
        Response signedIn = signIn("agent", "agent");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("nbo-session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

        given().cookie("nbo-session", signedIn.cookie("nbo-session")).get("/api/me").then().statusCode(200)
                .body("name", equalTo("agent")).body("roles", contains("agent"));
        given().cookie("nbo-session", signIn("admin", "admin").cookie("nbo-session")).get("/api/me").then()
                .body("name", equalTo("admin")).body("roles", contains("admin", "marketer", "agent"));
    }

    @Test
    void aWrongPasswordGoesBackToTheSignInPageWithoutASession() {
        Response refused = signIn("agent", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.header("Location")).endsWith("/login?failed");
        assertThat(refused.header("WWW-Authenticate")).isNull();
        assertThat(refused.cookie("nbo-session")).isNull();
    }

    @Test
    void theApiStillChallengesCallersWithoutCredentialsButNotTheScreens() {
        given().get("/api/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Basic realm=\"nbo\"");
        given().header("X-Requested-With", "XMLHttpRequest").get("/api/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", nullValue())
                .body("title", equalTo("Unauthorized"));
        given().cookie("nbo-session", "forged-value").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"nbo\"");
    }

    @Test
    void basicAndApiKeysKeepWorkingBesideTheForm() {
        asAgent().get("/api/me").then().statusCode(200).body("name", equalTo("agent"));
        withDevKey().get("/api/me").then().statusCode(200).body("name", equalTo("key:dev-client"))
                .body("roles", contains("channel"));
        given().auth().preemptive().basic("agent", "wrong").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"nbo\"");
    }

    @Test
    void signingOutDropsTheSessionCookie() {
        Response out = given().redirects().follow(false).cookie("nbo-session", signIn("agent", "agent")
                .cookie("nbo-session")).post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/login?signedOut");
        assertThat(out.header("Set-Cookie")).startsWith("nbo-session=;").contains("Max-Age=0");
    }

    @Test
    void theScreensAreServedWithoutSigningIn() {
        given().get("/login").then().statusCode(200).contentType("text/html");
        given().get("/").then().statusCode(200).contentType("text/html");
        given().get("/app/api.js").then().statusCode(200);
        given().redirects().follow(false).get("/agent").then().statusCode(303).header("Location", "/agent/");
        given().redirects().follow(false).get("/agent/").then().statusCode(200).contentType("text/html");
        given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
    }
}
