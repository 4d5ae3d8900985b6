package io.nbo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Erased ids become stable tokens that only the holder of the secret could link back. */
class PseudonymsTest {

    @Test
    void theSameIdAlwaysGivesTheSameTokenAndTheSecretChangesIt() {
        Pseudonyms one = new Pseudonyms("a-secret-of-sixteen+");
        Pseudonyms other = new Pseudonyms("another-secret-value");

        assertThat(one.token("C0000042")).isEqualTo(one.token("C0000042")).matches("erased-[0-9a-f]{32}");
        assertThat(one.token("C0000042")).isNotEqualTo(one.token("C0000043"));
        assertThat(other.token("C0000042")).isNotEqualTo(one.token("C0000042"));
        // printf %s C0000042 | openssl dgst -sha256 -hmac "a-secret-of-sixteen+", first 32 hex digits
        assertThat(one.token("C0000042")).isEqualTo("erased-1611d413fe6bc2d2eb6592f1484b9917");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new Pseudonyms("short"))
                .hasMessage("nbo.security.pseudonym-key must be at least 16 characters");
    }
}
