package io.nbo.security;

import io.nbo.config.SecurityConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-way token that replaces an erased customer's id where rows are kept for reporting: {@code erased-} and the
 * first 128 bits of HMAC-SHA256(secret, id), hex. The same id always gives the same token, so counts per customer stay
 * right and a repeated erasure is recognised; without the secret ({@code nbo.security.pseudonym-key}) the id cannot be
 * found from the token, not even by trying every id of a known format.
 */
@Singleton
public class Pseudonyms {

    public static final String PREFIX = "erased-";

    private final SecretKeySpec key;

    @Inject
    public Pseudonyms(SecurityConfig config) {
        this(config.pseudonymKey());
    }

    Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("nbo.security.pseudonym-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
