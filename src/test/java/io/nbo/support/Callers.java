package io.nbo.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Who calls the API in a test: the embedded default's users (agent, marketer, admin; password = name) and its dev API
 * key (docs/security.md). Tests name the caller a real client would be, so a role change shows up in them.
 */
public final class Callers {

    /** The dev API key of the embedded default (client name {@code dev-client}). */
    public static final String DEV_KEY = "nbo-dev-key";

    private Callers() {
    }

    public static RequestSpecification asAgent() {
        return as("agent");
    }

    public static RequestSpecification asMarketer() {
        return as("marketer");
    }

    public static RequestSpecification asAdmin() {
        return as("admin");
    }

    /** A channel client with the dev API key. */
    public static RequestSpecification withDevKey() {
        return given().header("X-API-Key", DEV_KEY);
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }
}
