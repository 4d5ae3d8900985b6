package io.nbo.config;

import io.nbo.security.ApiKeyHash;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.util.List;
import java.util.Optional;

/** Channel clients' API keys and the secret behind erased customers' tokens, under {@code nbo.security.}. */
@ConfigMapping(prefix = "nbo.security")
public interface SecurityConfig {

    /**
     * The API keys channel clients (website, app, contact-centre platform) send in the {@code X-API-Key} header, as
     * {@code name:sha256hex} entries separated by commas; the name is what the decision log records. Only hashes are
     * configured, never keys. In production from {@code NBO_API_KEYS}; none when unset.
     */
    Optional<List<@WithConverter(ApiKeyHash.ConfigConverter.class) ApiKeyHash>> apiKeys();

    /**
     * The secret of the one-way tokens that replace an erased customer's id in the decision log and outcomes
     * (HMAC-SHA256). In production from {@code NBO_PSEUDONYM_KEY}; destroying it makes the tokens anonymous.
     */
    String pseudonymKey();
}
