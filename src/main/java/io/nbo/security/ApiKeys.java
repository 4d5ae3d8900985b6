package io.nbo.security;

import io.nbo.config.SecurityConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured API keys, by the SHA-256 of the key: checking a key is one hash and one map lookup, no database and
 * no I/O, so the decision hot path pays microseconds for it. Keys are read once at start-up; an operator adds, rotates
 * or revokes one by changing {@code NBO_API_KEYS} and restarting (docs/security.md).
 */
@Singleton
public class ApiKeys {

    private final Map<String, String> namesByHash;

    @Inject
    public ApiKeys(SecurityConfig config) {
        this(config.apiKeys().orElse(List.of()));
    }

    ApiKeys(List<ApiKeyHash> keys) {
        Map<String, String> byHash = new HashMap<>();
        for (ApiKeyHash key : keys) {
            String earlier = byHash.put(key.sha256(), key.name());
            if (earlier != null && !earlier.equals(key.name())) {
                throw new IllegalStateException("the same API key is configured for '" + earlier + "' and '"
                        + key.name() + "'; give each client its own key");
            }
        }
        this.namesByHash = Map.copyOf(byHash);
    }

    /** The name of the client a presented key belongs to, if it is one of ours. */
    public Optional<String> clientOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty() || presentedKey.length() > 512) {
            return Optional.empty();
        }
        return Optional.ofNullable(namesByHash.get(ApiKeyHash.digest(presentedKey)));
    }

    /** How many keys are configured. */
    public int count() {
        return namesByHash.size();
    }
}
