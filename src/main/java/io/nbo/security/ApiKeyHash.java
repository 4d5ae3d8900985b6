package io.nbo.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * One configured API key as the server keeps it: the client's name and the SHA-256 of the key (hex), never the key
 * itself. Written in configuration as {@code name:sha256hex}, e.g. {@code website:9f86d0...}; a name may appear twice
 * while a key is being rotated (both keys work until the old entry is removed).
 */
public record ApiKeyHash(String name, String sha256) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyHash {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an API key's name must be 1-40 lower-case letters, digits or '-', got '"
                    + name + "'");
        }
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("the API key '" + name + "' needs the SHA-256 of the key as 64 hex "
                    + "digits (printf %s \"$KEY\" | sha256sum), not the key itself");
        }
    }

    /** Reads {@code name:sha256hex}. */
    public static ApiKeyHash parse(String entry) {
        String text = entry == null ? "" : entry.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an API key entry is 'name:sha256hex', got an entry without ':'");
        }
        return new ApiKeyHash(text.substring(0, colon).strip(), text.substring(colon + 1).strip()
                .toLowerCase(Locale.ROOT));
    }

    /** The hex SHA-256 of a key as presented by a client. */
    public static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Reads the entries of {@code nbo.security.api-keys}. */
    public static final class ConfigConverter implements Converter<ApiKeyHash> {
        @Override
        public ApiKeyHash convert(String value) {
            return parse(value);
        }
    }
}
