package io.nbo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys are known by their SHA-256 only; a presented key is one hash and one lookup. */
class ApiKeysTest {

    private static final String WEBSITE_KEY = "k3y-for-the-website-0123456789";
    private static final String APP_KEY = "k3y-for-the-app-9876543210";

    @Test
    void aKeyIsKnownByItsHashAndNamesItsClient() {
        ApiKeys keys = new ApiKeys(List.of(ApiKeyHash.parse("website:" + ApiKeyHash.digest(WEBSITE_KEY)),
                ApiKeyHash.parse("app:" + ApiKeyHash.digest(APP_KEY))));

        assertThat(keys.clientOf(WEBSITE_KEY)).contains("website");
        assertThat(keys.clientOf(APP_KEY)).contains("app");
        assertThat(keys.clientOf(ApiKeyHash.digest(WEBSITE_KEY))).as("the hash itself is not a key").isEmpty();
        assertThat(keys.clientOf("")).isEmpty();
        assertThat(keys.clientOf(null)).isEmpty();
        assertThat(keys.clientOf("x".repeat(513))).isEmpty();
    }

    @Test
    void theDevKeyOfTheEmbeddedDefaultHashesToTheConfiguredValue() {
        assertThat(ApiKeyHash.digest("nbo-dev-key"))
                .isEqualTo("55db40fe29ac513e3bda8b9c95edd224ef724f6e88990b3111d75728607cd783");
    }

    @Test
    void duringARotationTwoKeysServeOneClient() {
        String next = "the-next-website-key-abcdef";
        ApiKeys keys = new ApiKeys(List.of(ApiKeyHash.parse("website:" + ApiKeyHash.digest(WEBSITE_KEY)),
                ApiKeyHash.parse(" website : " + ApiKeyHash.digest(next).toUpperCase())));

        assertThat(keys.clientOf(WEBSITE_KEY)).contains("website");
        assertThat(keys.clientOf(next)).contains("website");
        assertThat(keys.count()).isEqualTo(2);
    }

    @Test
    void oneKeyForTwoClientsIsRefused() {
        String hash = ApiKeyHash.digest(WEBSITE_KEY);
        assertThatThrownBy(() -> new ApiKeys(List.of(ApiKeyHash.parse("website:" + hash),
                ApiKeyHash.parse("app:" + hash))))
                .hasMessage("the same API key is configured for 'website' and 'app'; give each client its own key");
    }

    @Test
    void entriesThatAreNotNameAndHashAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ApiKeyHash.parse("website"))
                .hasMessage("an API key entry is 'name:sha256hex', got an entry without ':'");
        assertThatThrownBy(() -> ApiKeyHash.parse("website:" + WEBSITE_KEY))
                .hasMessage("the API key 'website' needs the SHA-256 of the key as 64 hex digits "
                        + "(printf %s \"$KEY\" | sha256sum), not the key itself")
                .message().doesNotContain(WEBSITE_KEY);
        assertThatThrownBy(() -> ApiKeyHash.parse("Web Site:" + ApiKeyHash.digest(WEBSITE_KEY)))
                .hasMessage("an API key's name must be 1-40 lower-case letters, digits or '-', got 'Web Site'");
    }
}
