package io.nbo.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A request to authenticate with the API key a channel client sent. */
public final class ApiKeyRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
